import { View, Text } from '@tarojs/components'
import { Button, Tag } from '@nutui/nutui-react-taro'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { activityWhen, dayAndTime } from '@/domain/activity/when'
import { SIGNUP_STATUS_LABELS } from '@/components/activity-card'
import { LoadState } from '@/components/load-state'
import { PageShell } from '@/components/page-shell'
import type { ActivityView } from '@/domain/activity/contract'
import { checkOutRefusal, MAKEUP_WINDOW_MS } from '@/domain/activity/attendance'
import { ACTIVITY_STATUS_LABELS, ACTIVITY_TYPE_LABELS } from '@/domain/activity/rules'
import { useRemote } from '@/hooks/use-remote'
import { activityService } from '@/services/activity'
import { currentPosition, hasLocationConsent } from '@/services/location'
import { messageOf, ServiceError } from '@/services/service-error'
import { requestSubscriptions } from '@/services/subscriptions'
import { ActivityPlace } from '../../components/activity-place'
import { MakeupRequest } from '../../components/makeup-request'
import { PresenceCheck } from '../../components/presence-check'
import { pages, withQuery } from '@/routes'
import './index.scss'

const percent = (share: number) => `${Math.round(share * 100)}%`

/** `1小时48分钟`: the attended time the 60% rule asks for. */
function duration(minutes: number): string {
  const hours = Math.floor(minutes / 60)
  const rest = Math.round(minutes % 60)
  return [hours ? `${hours}小时` : '', rest ? `${rest}分钟` : ''].join('') || '0分钟'
}

/** The coverage rule in plain words, before sign-up. */
function coverageRule(activity: ActivityView): string {
  const minutes = ((new Date(activity.endAt).getTime() - new Date(activity.startAt).getTime()) / 60_000) * activity.minCoverage
  return `按实际参加的时间记服务时长，最多 ${activity.hours} 小时；从签到到签退至少要参加活动时长的${percent(activity.minCoverage)}（约${duration(minutes)}）才记。组织者确认名单后记入。`
}

/** What came of the attended time, after check-out. */
function coverageResult(activity: ActivityView): string | undefined {
  const mine = activity.mySignup
  if (!mine || mine.status !== 'checked_out') return undefined
  const attended = mine.coverage === null ? '' : `本次出勤 ${percent(mine.coverage)}，`
  if (mine.hoursResult === 'credited') return `${attended}已记入 ${mine.creditedHours} 小时服务时长，谢谢您！`
  if (mine.hoursResult === 'awaiting_confirmation') return `${attended}核定服务时长 ${mine.creditedHours} 小时，组织者确认名单后记入。`
  if (mine.hoursResult === 'not_enough') return `${attended}不到${percent(activity.minCoverage)}，这次不记服务时长。如果是漏了签到或签退，可以申请补签。`
  return `${attended}服务时长正在核算。`
}

/**
 * 活动详情: when and where, who organises it, places left, the hours and the rule for earning
 * them; sign-up and cancel before the deadline; check-in and check-out on the day; 补签 after.
 * Opened from a share too, by someone who has never used the app: it needs only the id.
 */
export default function ActivityDetailPage() {
  const id = useRouter().params.id ?? ''
  const remote = useRemote(async () => {
    const near = hasLocationConsent() ? await currentPosition() : null
    return activityService.get(id, near ?? undefined)
  }, [id])
  const [shown, setShown] = useState<ActivityView>()
  const [busy, setBusy] = useState(false)
  useEffect(() => setShown(remote.data), [remote.data])

  useShareAppMessage(() => ({
    title: shown ? `${shown.title}｜${dayAndTime(shown.startAt)}，一起来做志愿者` : '一起来做社区志愿者',
    path: withQuery(pages.activityDetail, { id }),
  }))

  const now = new Date()
  const mine = shown?.mySignup
  const active = mine && mine.status !== 'cancelled' ? mine : null
  const span = shown && { startAt: new Date(shown.startAt), endAt: new Date(shown.endAt) }
  const beforeDeadline = !!shown && now < new Date(shown.signupDeadline)
  const over = !!span && now > span.endAt
  const checkOutOpen = !!span && !checkOutRefusal(span, now)
  const canSignUp = shown?.status === 'open' && beforeDeadline && !active
  const canCancel = shown?.status === 'open' && beforeDeadline && active?.status === 'signed_up'
  // Too late for the ordinary way, still within the 补签 window: never checked in, or never checked out.
  const missed = !!active && (active.status === 'signed_up' ? over : active.status === 'checked_in' && !checkOutOpen)
  const makeupOpen = !!span && now.getTime() <= span.endAt.getTime() + MAKEUP_WINDOW_MS
  const showMakeup = shown?.status !== 'cancelled' && (!!active?.makeup || (makeupOpen && (missed || (active?.status === 'checked_out' && active.hoursResult === 'not_enough'))))

  const signUp = async () => {
    if (!shown) return
    // WeChat asks for subscriptions only in direct answer to a tap: asked here, answered after sign-up.
    const subscribing = requestSubscriptions('activitySignup')
    setBusy(true)
    try {
      setShown(await activityService.signup(shown._id))
      await subscribing
      await Taro.showToast({ title: '报名成功', icon: 'success' })
    } catch (failure) {
      if (failure instanceof ServiceError && failure.code === 'FORBIDDEN') {
        const { confirm } = await Taro.showModal({ title: '还不能报名', content: messageOf(failure), confirmText: '去注册', cancelText: '以后再说' })
        if (confirm) await Taro.navigateTo({ url: pages.volunteerRegister })
      } else {
        await Taro.showModal({ title: '没有报上名', content: messageOf(failure), showCancel: false, confirmText: '知道了' })
        await remote.reload()
      }
    } finally {
      setBusy(false)
    }
  }

  const cancelSignup = async () => {
    if (!shown) return
    const { confirm } = await Taro.showModal({ title: '取消报名', content: '取消后名额会让给其他志愿者，报名截止前还可以再报名。确定取消吗？', confirmText: '取消报名', cancelText: '再想想' })
    if (!confirm) return
    setBusy(true)
    try {
      setShown(await activityService.cancelSignup(shown._id))
      await Taro.showToast({ title: '已取消报名', icon: 'success' })
    } catch (failure) {
      await Taro.showModal({ title: '没有取消', content: messageOf(failure), showCancel: false, confirmText: '知道了' })
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageShell className='activity-detail'>
      <LoadState loading={remote.loading && !shown} error={shown ? undefined : remote.error} onRetry={remote.reload}>
        {shown && (
          <>
            <View className='card' data-testid='activity-detail'>
              <View className='activity-detail__head'>
                <Text className='activity-detail__title'>{shown.title}</Text>
                <Tag type={shown.status === 'open' ? 'primary' : 'default'}>{ACTIVITY_STATUS_LABELS[shown.status]}</Tag>
              </View>
              {shown.status === 'cancelled' && <Text className='activity-detail__cancelled'>活动已取消：{shown.cancelReason}</Text>}
              <View className='activity-detail__facts'>
                <Text className='activity-detail__fact'>时间：{activityWhen(shown.startAt, shown.endAt)}</Text>
                <Text className='activity-detail__fact'>类型：{ACTIVITY_TYPE_LABELS[shown.type]}</Text>
                <Text className='activity-detail__fact'>组织者：{shown.organiserName}（{shown.communityName}）</Text>
                {shown.insurance && (
                  <Text className='activity-detail__fact' data-testid='activity-insurance'>
                    保险：已为志愿者投保人身意外伤害保险（{shown.insurance.insurer}，保单号 {shown.insurance.policyNo}，{shown.insurance.from} 至 {shown.insurance.to}）
                  </Text>
                )}
                <Text className='activity-detail__fact' data-testid='activity-places'>
                  名额：共 {shown.capacity} 人，已报 {shown.signedUp} 人，还剩 {shown.placesLeft} 个
                </Text>
                <Text className='activity-detail__fact'>服务时长：{shown.hours} 小时</Text>
                <Text className='activity-detail__fact'>报名截止：{dayAndTime(shown.signupDeadline)}</Text>
                {shown.requirements.requiresCertificate && <Text className='activity-detail__fact'>报名条件：需持有有效的红十字救护员证</Text>}
                {shown.requirements.adultsOnly && (
                  <Text className='activity-detail__fact' data-testid='activity-adults-only'>
                    年龄要求：仅限年满18周岁的志愿者
                  </Text>
                )}
              </View>
              <Text className='activity-detail__description'>{shown.description}</Text>
            </View>

            <View className='card activity-detail__rule' data-testid='coverage-rule'>
              <Text className='section-title activity-detail__rule-title'>怎样记服务时长</Text>
              <Text className='activity-detail__text'>{coverageRule(shown)}</Text>
              {coverageResult(shown) && (
                <Text className='activity-detail__result' data-testid='coverage-result'>
                  {coverageResult(shown)}
                </Text>
              )}
            </View>

            {active && (
              <View className='card activity-detail__mine' data-testid='my-signup'>
                <Text className='activity-detail__fact'>我的报名：{SIGNUP_STATUS_LABELS[active.status]}</Text>
                {active.checkedInAt && <Text className='hint'>签到时间：{dayAndTime(active.checkedInAt)}</Text>}
                {active.checkedOutAt && <Text className='hint'>签退时间：{dayAndTime(active.checkedOutAt)}</Text>}
              </View>
            )}

            {shown.status === 'open' && active?.status === 'signed_up' && !over && <PresenceCheck activity={shown} step='checkIn' onDone={setShown} />}
            {shown.status !== 'cancelled' && active?.status === 'checked_in' && checkOutOpen && <PresenceCheck activity={shown} step='checkOut' onDone={setShown} />}
            {showMakeup && <MakeupRequest activity={shown} onDone={setShown} />}

            <ActivityPlace activity={shown} />

            <View className='activity-detail__actions'>
              {canSignUp && (
                <Button block size='large' type='primary' loading={busy} disabled={busy || shown.placesLeft === 0} onClick={signUp}>
                  {shown.placesLeft === 0 ? '名额已满' : '我要报名'}
                </Button>
              )}
              {!canSignUp && !active && shown.status === 'open' && !beforeDeadline && <Text className='hint activity-detail__closed'>报名已截止</Text>}
              {canCancel && (
                <Button block size='large' disabled={busy} onClick={cancelSignup}>
                  取消报名
                </Button>
              )}
              {process.env.TARO_ENV === 'weapp' && (
                <Button block size='large' fill='outline' openType='share'>
                  分享给邻居
                </Button>
              )}
              {shown.manageable && (
                <Button block size='large' fill='outline' onClick={() => Taro.navigateTo({ url: withQuery(pages.staffActivity, { id: shown._id }) })}>
                  管理活动（签到码、出勤）
                </Button>
              )}
            </View>
          </>
        )}
      </LoadState>
    </PageShell>
  )
}
