import { View, Text } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import type { ActivityView, SignupStatus } from '@/domain/activity/contract'
import { ACTIVITY_STATUS_LABELS, ACTIVITY_TYPE_LABELS } from '@/domain/activity/rules'
import { formatDistance } from '@/domain/geo'
import { activityWhen } from '@/domain/activity/when'
import './index.scss'

export const SIGNUP_STATUS_LABELS: Record<SignupStatus, string> = {
  signed_up: '已报名',
  cancelled: '已取消报名',
  checked_in: '已签到',
  checked_out: '已签退',
}

/** How an activity stands for a volunteer, in one short tag. */
function standing(activity: ActivityView): { label: string; tone: 'primary' | 'success' | 'warning' | 'default' } {
  if (activity.status !== 'open') return { label: ACTIVITY_STATUS_LABELS[activity.status], tone: 'default' }
  const mine = activity.mySignup
  if (mine && mine.status !== 'cancelled') return { label: SIGNUP_STATUS_LABELS[mine.status], tone: 'success' }
  if (activity.placesLeft === 0) return { label: '名额已满', tone: 'warning' }
  return { label: `还剩 ${activity.placesLeft} 个名额`, tone: 'primary' }
}

/** One activity in a list (任务大厅, 我的报名, 活动管理); tapping opens it. */
export function ActivityCard({ activity, onOpen }: { activity: ActivityView; onOpen(): void }) {
  const tag = standing(activity)
  return (
    <View className='activity-card card' data-testid='activity-card' onClick={onOpen}>
      <View className='activity-card__head'>
        <Text className='activity-card__title'>{activity.title}</Text>
        <Tag type={tag.tone}>{tag.label}</Tag>
      </View>
      <Text className='activity-card__when'>{activityWhen(activity.startAt, activity.endAt)}</Text>
      <Text className='activity-card__place'>
        {activity.location.address}
        {activity.distanceMeters !== null ? ` · 距您 ${formatDistance(activity.distanceMeters)}` : ''}
      </Text>
      <Text className='hint'>
        {ACTIVITY_TYPE_LABELS[activity.type]} · {activity.communityName} · 服务 {activity.hours} 小时
      </Text>
    </View>
  )
}
