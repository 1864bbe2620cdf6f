import { View, Text, Picker } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { FormField } from '@/components/form-field'
import type { ActivityView, MakeupRequest as Makeup, MakeupStatus } from '@/domain/activity/contract'
import { activityService } from '@/services/activity'
import { messageOf } from '@/services/service-error'
import { chinaDate, chinaMoment, clockTime } from '@/domain/activity/when'
import './makeup-request.scss'

const MAKEUP_LABELS: Record<MakeupStatus, string> = { pending: '补签申请审核中', approved: '补签已通过', rejected: '补签未通过' }

function MakeupState({ makeup }: { makeup: Makeup }) {
  return (
    <View className='card' data-testid='makeup-state'>
      <Text className='section-title'>{MAKEUP_LABELS[makeup.status]}</Text>
      <Text className='makeup__text'>
        申请的时间：{clockTime(makeup.arrivedAt)}–{clockTime(makeup.leftAt)}，原因：{makeup.reason}
      </Text>
      {makeup.reviewNote && <Text className='makeup__text'>工作人员说明：{makeup.reviewNote}</Text>}
    </View>
  )
}

/**
 * 补签: a volunteer who was there but missed check-in or check-out says when they came and left,
 * and why; the organiser approves or declines. A pending or decided request is shown instead.
 */
export function MakeupRequest({ activity, onDone }: { activity: ActivityView; onDone(updated: ActivityView): void }) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [arrived, setArrived] = useState(clockTime(activity.startAt))
  const [left, setLeft] = useState(clockTime(activity.endAt))
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string>()
  const makeup = activity.mySignup?.makeup

  if (makeup && makeup.status !== 'rejected') return <MakeupState makeup={makeup} />

  const submit = async () => {
    if (reason.trim().length < 2) {
      setProblem('请写一下补签的原因，例如：手机没电，没能签退')
      return
    }
    setBusy(true)
    setProblem(undefined)
    try {
      onDone(await activityService.requestMakeup(activity._id, reason.trim(), chinaMoment(chinaDate(activity.startAt), arrived), chinaMoment(chinaDate(activity.endAt), left)))
      setOpen(false)
      await Taro.showToast({ title: '已提交，等待审核', icon: 'success' })
    } catch (failure) {
      setProblem(messageOf(failure))
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      {makeup && <MakeupState makeup={makeup} />}
      <View className='card' data-testid='makeup-request'>
        <Text className='section-title'>漏了签到或签退？</Text>
        <Text className='makeup__text'>如果您参加了活动但忘了签到或签退，可以申请补签，组织者核实后会记入服务时长。</Text>
        {open ? (
          <>
            <FormField label='到达时间' required>
              <Picker mode='time' value={arrived} onChange={(e) => setArrived(e.detail.value)}>
                <View className='form-field__picker' data-testid='makeup-arrived'>{arrived}</View>
              </Picker>
            </FormField>
            <FormField label='离开时间' required>
              <Picker mode='time' value={left} onChange={(e) => setLeft(e.detail.value)}>
                <View className='form-field__picker' data-testid='makeup-left'>{left}</View>
              </Picker>
            </FormField>
            <FormField label='补签原因' required error={problem}>
              <TextArea value={reason} maxLength={200} placeholder='例如：手机没电，没能签退' onChange={setReason} data-testid='makeup-reason' />
            </FormField>
            <Button block size='large' type='primary' loading={busy} onClick={submit}>
              提交补签申请
            </Button>
          </>
        ) : (
          <Button block size='large' onClick={() => setOpen(true)}>
            申请补签
          </Button>
        )}
      </View>
    </>
  )
}
