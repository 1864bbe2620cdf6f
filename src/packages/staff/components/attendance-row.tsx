import { View, Text } from '@tarojs/components'
import { Button, Input, Tag, TextArea } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { clockTime } from '@/domain/activity/when'
import { SIGNUP_STATUS_LABELS } from '@/components/activity-card'
import { FormField } from '@/components/form-field'
import type { AttendanceRow as Row } from '@/domain/activity/contract'
import { fieldErrors } from '@/domain/validation'
import { volunteerInputs } from '@/domain/volunteer/contract'
import { activityService } from '@/services/activity'
import { messageOf } from '@/services/service-error'
import { volunteerService } from '@/services/volunteer'
import './attendance-row.scss'

const METHOD_LABELS = { position: '位置', code: '签到码', makeup: '补签' } as const

/** Made once per correction form, so a retried submit corrects once (the server keys on it). */
const newRequestId = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`

type Props = { row: Row; activityId: string; activityTitle: string; onChanged(): void }

/** One volunteer on the attendance sheet: times, hours, a pending 补签 to decide, 更正时长. */
export function AttendanceRow({ row, activityId, activityTitle, onChanged }: Props) {
  const [mode, setMode] = useState<'decline' | 'correct'>()
  const [reason, setReason] = useState('')
  const [hours, setHours] = useState('')
  const [requestId, setRequestId] = useState(newRequestId)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string>()

  const run = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true)
    setProblem(undefined)
    try {
      await work()
      setMode(undefined)
      setReason('')
      setHours('')
      setRequestId(newRequestId())
      await Taro.showToast({ title: done, icon: 'success' })
      onChanged()
    } catch (failure) {
      setProblem(messageOf(failure))
    } finally {
      setBusy(false)
    }
  }

  const approve = async () => {
    const { confirm } = await Taro.showModal({ title: '通过补签', content: `确认${row.name}参加了活动？通过后按申请的时间计算服务时长。`, confirmText: '通过', cancelText: '再想想' })
    if (confirm) await run(() => activityService.reviewMakeup(row.signupId, 'approve'), '已通过')
  }

  const confirmPresence = async () => {
    const { confirm } = await Taro.showModal({ title: '确认出勤', content: `确认${row.name}到场参加了活动？确认后记入 ${row.creditedHours} 小时服务时长。`, confirmText: '确认', cancelText: '再想想' })
    if (confirm) await run(() => activityService.confirmAttendance(activityId, [row.signupId]), '已确认')
  }

  const decline = () => run(() => activityService.reviewMakeup(row.signupId, 'reject', reason.trim()), '已处理')

  const correct = async () => {
    const amount = Number(hours)
    if (!hours.trim() || !Number.isFinite(amount) || amount === 0) {
      setProblem('请填写要增加或减少的小时数，减少请写负数，如 -0.5')
      return
    }
    // The server's own rules, checked here first: at most 100 hours either way, in half hours.
    const errors = fieldErrors(volunteerInputs.correctHours, { volunteerId: row.volunteerId, hours: amount, reason: reason.trim(), requestId })
    const refused = errors.hours ?? errors.reason
    if (refused) {
      setProblem(refused)
      return
    }
    const { confirm } = await Taro.showModal({
      title: '更正服务时长',
      content: `给${row.name}${amount > 0 ? '增加' : '减少'} ${Math.abs(amount)} 小时（${activityTitle}）。志愿者会看到原因。`,
      confirmText: '更正',
      cancelText: '再想想',
    })
    if (confirm) await run(() => volunteerService.correctHours(row.volunteerId, amount, reason.trim(), requestId), '已更正')
  }

  const makeup = row.makeup
  return (
    <View className='attendance-row' data-testid='attendance-row'>
      <View className='attendance-row__head'>
        <Text className='attendance-row__name'>{row.name}</Text>
        <Tag type={row.status === 'checked_out' ? 'success' : row.status === 'cancelled' ? 'default' : 'primary'}>{SIGNUP_STATUS_LABELS[row.status]}</Tag>
      </View>
      <Text className='attendance-row__line'>
        签到 {row.checkedInAt ? clockTime(row.checkedInAt) : '—'} · 签退 {row.checkedOutAt ? clockTime(row.checkedOutAt) : '—'}
        {row.checkInMethod ? `（${METHOD_LABELS[row.checkInMethod]}）` : ''}
      </Text>
      <Text className='attendance-row__line' data-testid='attendance-hours'>
        {row.hoursResult === 'credited' && `已记 ${row.creditedHours} 小时`}
        {row.hoursResult === 'awaiting_confirmation' && `实际服务 ${row.creditedHours} 小时，待您确认`}
        {row.hoursResult === 'not_enough' && `出勤 ${Math.round((row.coverage ?? 0) * 100)}%，未达到要求，未记时长`}
        {row.hoursResult === 'pending' && '尚未记时长'}
      </Text>
      <Text className='hint'>电话 {row.phone}</Text>
      {makeup?.status === 'pending' && (
        <View className='attendance-row__makeup' data-testid='makeup-pending'>
          <Text className='attendance-row__line'>
            补签申请：{clockTime(makeup.arrivedAt)}–{clockTime(makeup.leftAt)}，原因：{makeup.reason}
          </Text>
          <View className='staff-actions'>
            <Button type='primary' disabled={busy} onClick={approve}>
              通过补签
            </Button>
            <Button disabled={busy} onClick={() => setMode('decline')}>
              不通过
            </Button>
          </View>
        </View>
      )}
      {makeup && makeup.status !== 'pending' && <Text className='hint'>补签{makeup.status === 'approved' ? '已通过' : `未通过：${makeup.reviewNote ?? ''}`}</Text>}

      {mode === 'correct' && (
        <FormField label='增加或减少的小时数' required hint='减少请写负数，如 -0.5'>
          <Input type='text' value={hours} maxLength={6} placeholder='例如 1 或 -0.5' onChange={setHours} data-testid='correct-hours' />
        </FormField>
      )}
      {mode && (
        <FormField label={mode === 'decline' ? '不通过的原因' : '更正原因'} required hint='志愿者会看到' error={problem}>
          <TextArea value={reason} maxLength={200} onChange={setReason} data-testid='attendance-reason' />
        </FormField>
      )}
      {!mode && problem && (
        <View className='form-field__error' role='alert'>
          {problem}
        </View>
      )}
      <View className='staff-actions'>
        {mode ? (
          <>
            <Button type='primary' loading={busy} onClick={mode === 'decline' ? decline : correct}>
              {mode === 'decline' ? '确定不通过' : '确定更正'}
            </Button>
            <Button disabled={busy} onClick={() => setMode(undefined)}>
              取消
            </Button>
          </>
        ) : (
          row.status !== 'cancelled' && (
            <>
              {row.hoursResult === 'awaiting_confirmation' && (
                <Button type='primary' disabled={busy} onClick={confirmPresence}>
                  确认出勤
                </Button>
              )}
              <Button fill='outline' onClick={() => setMode('correct')}>
                更正时长
              </Button>
            </>
          )
        )}
      </View>
    </View>
  )
}
