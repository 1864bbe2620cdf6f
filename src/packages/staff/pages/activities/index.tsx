import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import { ActivityCard } from '@/components/activity-card'
import { PagedList } from '@/components/paged-list'
import { PageShell } from '@/components/page-shell'
import type { ActivityView } from '@/domain/activity/contract'
import { todayInChina } from '@/domain/dates'
import { usePagedList } from '@/hooks/use-paged-list'
import { activityService } from '@/services/activity'
import { pages, withQuery } from '@/routes'

/** How far back the list reaches: recent activities still have attendance and 补签 to settle. */
const RECENT_DAYS = 30

/** 活动管理: the activities of the staff member's communities, recent and coming, and 发布活动. */
export default function StaffActivitiesPage() {
  const list = usePagedList<ActivityView>((page) => activityService.list({ from: dayjs(todayInChina()).subtract(RECENT_DAYS, 'day').format('YYYY-MM-DD') }, page))
  const mine = list.items.filter((activity) => activity.manageable)
  return (
    <PageShell>
      <Button block size='large' type='primary' className='aed-manage__add' onClick={() => Taro.navigateTo({ url: pages.staffActivityEdit })}>
        发布活动
      </Button>
      <PagedList list={{ ...list, items: mine }} empty={`近${RECENT_DAYS}天没有本社区的活动，可以发布一个`} end='已经到底了'>
        {(activity) => <ActivityCard key={activity._id} activity={activity} onOpen={() => Taro.navigateTo({ url: withQuery(pages.staffActivity, { id: activity._id }) })} />}
      </PagedList>
    </PageShell>
  )
}
