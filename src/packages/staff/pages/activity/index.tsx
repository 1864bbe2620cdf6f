import { View, Text } from '@tarojs/components'
import { Button, Tag, TextArea } from '@nutui/nutui-react-taro'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { activityWhen } from '@/domain/activity/when'
import { FormField } from '@/components/form-field'
import { LoadState } from '@/components/load-state'
import { PagedList } from '@/components/paged-list'
import { PageShell } from '@/components/page-shell'
import type { AttendanceRow as Row } from '@/domain/activity/contract'
import { ACTIVITY_STATUS_LABELS } from '@/domain/activity/rules'
import { usePagedList } from '@/hooks/use-paged-list'
import { useRemote } from '@/hooks/use-remote'
import { activityService } from '@/services/activity'
import { messageOf } from '@/services/service-error'
import { AttendanceRow } from '../../components/attendance-row'
import { pages, withQuery } from '@/routes'
import './index.scss'

/** One activity for its organisers: the code to show, edit, cancel, attendance with 补签 and corrections. */
export default function StaffActivityPage() {
  const id = useRouter().params.id ?? ''
  const remote = useRemote(() => activityService.get(id), [id])
  const attendance = usePagedList<Row>((page) => activityService.attendance(id, page), [id])
  const [cancelling, setCancelling] = useState(false)
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<string>()
  const [busy, setBusy] = useState(false)
  const shownOnce = useRef(false)
  useDidShow(() => {
    if (shownOnce.current) {
      void remote.reload()
      void attendance.refresh()
    }
    shownOnce.current = true
  })
  const activity = remote.data

  const cancel = async () => {
    if (reason.trim().length < 2) {
      setProblem('请写明取消的原因，报名的志愿者会收到')
      return
    }
    const { confirm } = await Taro.showModal({
      title: '取消活动',
      content: `取消后不能恢复，已报名的 ${activity?.signedUp ?? 0} 位志愿者会收到通知。确定取消吗？`,
      confirmText: '取消活动',
      cancelText: '再想想',
    })
    if (!confirm) return
    setBusy(true)
    setProblem(undefined)
    try {
      await activityService.cancel(id, reason.trim())
      setCancelling(false)
      await Taro.showToast({ title: '活动已取消', icon: 'success' })
      await remote.reload()
    } catch (failure) {
      setProblem(messageOf(failure))
    } finally {
      setBusy(false)
    }
  }

  // 谁记录谁证明 (民政部令第67号 2020): the organiser's confirmation of who was there is what credits hours.
  const awaiting = attendance.items.filter((row) => row.hoursResult === 'awaiting_confirmation')
  const confirmAll = async () => {
    const { confirm } = await Taro.showModal({
      title: '确认出勤名单',
      content: `确认这 ${awaiting.length} 位志愿者到场参加了活动？确认后按各自实际服务的时间记入时长。没到场的请不要确认。`,
      confirmText: '全部确认',
      cancelText: '再想想',
    })
    if (!confirm) return
    setBusy(true)
    setProblem(undefined)
    try {
      await activityService.confirmAttendance(id, awaiting.map((row) => row.signupId))
      await Taro.showToast({ title: '已确认', icon: 'success' })
      await attendance.refresh()
    } catch (failure) {
      setProblem(messageOf(failure))
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageShell className='staff-activity'>
      <LoadState loading={remote.loading && !activity} error={activity ? undefined : remote.error} onRetry={remote.reload}>
        {activity && (
          <>
            <View className='card' data-testid='staff-activity'>
              <View className='staff-activity__head'>
                <Text className='section-title staff-activity__title'>{activity.title}</Text>
                <Tag type={activity.status === 'open' ? 'primary' : 'default'}>{ACTIVITY_STATUS_LABELS[activity.status]}</Tag>
              </View>
              <Text className='staff-activity__line'>{activityWhen(activity.startAt, activity.endAt)}</Text>
              <Text className='staff-activity__line'>{activity.location.address}</Text>
              <Text className='staff-activity__line'>
                已报名 {activity.signedUp} / {activity.capacity} 人 · 服务 {activity.hours} 小时
              </Text>
              {activity.cancelReason && <Text className='staff-activity__line'>取消原因：{activity.cancelReason}</Text>}
            </View>

            {activity.status === 'open' && (
              <View className='staff-activity__actions'>
                <Button block size='large' type='primary' onClick={() => Taro.navigateTo({ url: withQuery(pages.staffActivityCode, { id }) })}>
                  出示签到码
                </Button>
                <Button block size='large' onClick={() => Taro.navigateTo({ url: withQuery(pages.staffActivityEdit, { id }) })}>
                  修改活动
                </Button>
                <Button block size='large' fill='outline' onClick={() => Taro.navigateTo({ url: withQuery(pages.activityDetail, { id }) })}>
                  查看志愿者看到的页面
                </Button>
                {cancelling ? (
                  <View className='card'>
                    <FormField label='取消原因' required hint='报名的志愿者会在通知里看到' error={problem}>
                      <TextArea value={reason} maxLength={200} placeholder='例如：台风预警，活动改期' onChange={setReason} data-testid='cancel-reason' />
                    </FormField>
                    <View className='staff-actions'>
                      <Button type='danger' loading={busy} onClick={cancel}>
                        确定取消活动
                      </Button>
                      <Button disabled={busy} onClick={() => setCancelling(false)}>
                        不取消了
                      </Button>
                    </View>
                  </View>
                ) : (
                  <Button block size='large' type='danger' fill='outline' onClick={() => setCancelling(true)}>
                    取消活动
                  </Button>
                )}
              </View>
            )}

            <Text className='section-title'>出勤情况</Text>
            {awaiting.length > 0 && (
              <View className='card' data-testid='confirm-roster'>
                <Text className='staff-activity__line'>{awaiting.length} 位志愿者已签退，等您确认到场后才记入服务时长。</Text>
                {problem && !cancelling && (
                  <View className='form-field__error' role='alert'>
                    {problem}
                  </View>
                )}
                <Button block size='large' type='primary' loading={busy} onClick={confirmAll}>
                  确认全部出勤
                </Button>
              </View>
            )}
            <View className='card' data-testid='attendance'>
              <PagedList list={attendance} empty='还没有志愿者报名' end='以上是全部报名的志愿者'>
                {(row) => <AttendanceRow key={row.signupId} row={row} activityId={id} activityTitle={activity.title} onChanged={() => void attendance.refresh()} />}
              </PagedList>
            </View>
          </>
        )}
      </LoadState>
    </PageShell>
  )
}
