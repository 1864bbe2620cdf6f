import { View, Text, ScrollView } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import { useEffect, useState } from 'react'
import { ActivityCard } from '@/components/activity-card'
import { ChoiceGroup } from '@/components/choice-group'
import { PagedList } from '@/components/paged-list'
import { PageShell } from '@/components/page-shell'
import type { ActivityView } from '@/domain/activity/contract'
import { ACTIVITY_TYPES, ACTIVITY_TYPE_LABELS, type ActivityType } from '@/domain/activity/rules'
import type { Page } from '@/domain/contract'
import { todayInChina } from '@/domain/dates'
import type { LatLng } from '@/domain/geo'
import type { WishSummary } from '@/domain/wish/contract'
import { useMe } from '@/hooks/use-me'
import { usePagedList } from '@/hooks/use-paged-list'
import { activityService } from '@/services/activity'
import { currentPosition, hasLocationConsent, rememberLocationConsent } from '@/services/location'
import { wishService } from '@/services/wish'
import { WishCard } from '@/pages/wish/components/wish-card'
import { pages, withQuery } from '@/routes'
import './index.scss'

type Kind = 'all' | 'wish' | ActivityType
type Within = 'any' | 'today' | 'week' | 'month'
type HallItem = { kind: 'activity'; activity: ActivityView } | { kind: 'wish'; wish: WishSummary }
/** `communityId` undefined: every community's; it starts on the person's own community. */
type Filter = { kind: Kind; within: Within; keyword: string; communityId?: string; near?: LatLng }

const KIND_OPTIONS: { value: Kind; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'wish', label: '红心愿' },
  ...ACTIVITY_TYPES.map((type) => ({ value: type, label: ACTIVITY_TYPE_LABELS[type] })),
]
const WITHIN_OPTIONS: { value: Within; label: string }[] = [
  { value: 'any', label: '不限时间' },
  { value: 'today', label: '今天' },
  { value: 'week', label: '7天内' },
  { value: 'month', label: '30天内' },
]
const WITHIN_DAYS: Record<Exclude<Within, 'any'>, number> = { today: 0, week: 6, month: 29 }
const PAGE_SIZE = 20

function dates(within: Within): { from?: string; to?: string } {
  if (within === 'any') return {}
  const from = todayInChina()
  return { from, to: dayjs(from).add(WITHIN_DAYS[within], 'day').format('YYYY-MM-DD') }
}

/** Wishes have no fixed day and no search on the server: they show only without those filters. */
// Wishes have no dates to filter by: a date range shows activities only. Words search both.
const showsWishes = (f: Filter) => (f.kind === 'all' || f.kind === 'wish') && f.within === 'any'

/**
 * Two lists paged side by side, one page of each per page of the hall: 加载更多 while either still
 * has more.
 */
async function loadHall(filter: Filter, page: number): Promise<Page<HallItem>> {
  const type = filter.kind === 'all' || filter.kind === 'wish' ? undefined : filter.kind
  const [activities, wishes] = await Promise.all([
    filter.kind === 'wish'
      ? undefined
      : activityService.list({ communityId: filter.communityId, type, keyword: filter.keyword || undefined, near: filter.near, ...dates(filter.within) }, page),
    // One community choice for both lists: a 全部社区 that showed every activity but only home wishes misled.
    showsWishes(filter) ? wishService.list({ communityId: filter.communityId, status: 'open', keyword: filter.keyword || undefined }, page) : undefined,
  ])
  const items: HallItem[] = [
    ...(activities?.items ?? []).map((activity) => ({ kind: 'activity' as const, activity })),
    ...(wishes?.items ?? []).map((wish) => ({ kind: 'wish' as const, wish })),
  ]
  return { items, page, pageSize: PAGE_SIZE, hasMore: [activities, wishes].some((part) => part?.hasMore) }
}

/** 任务大厅: what a volunteer can do now, open wishes and upcoming activities of their community (or of another, or all). */
export default function TaskHallPage() {
  const me = useMe()
  const [filter, setFilter] = useState<Filter>({ kind: 'all', within: 'any', keyword: '' })
  const [typed, setTyped] = useState('')
  const [locating, setLocating] = useState(false)
  const update = (change: Partial<Filter>) => setFilter((previous) => ({ ...previous, ...change }))
  const list = usePagedList<HallItem>((page) => loadHall(filter, page), [filter])

  const locate = async () => {
    setLocating(true)
    const near = await currentPosition()
    setLocating(false)
    if (near) update({ near })
    else await Taro.showToast({ title: '没有获取到位置，可以按社区查看', icon: 'none' })
  }

  useEffect(() => {
    if (hasLocationConsent()) void locate()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const communities = me.data?.communities ?? []
  const homeCommunityId = communities[0]?._id
  useEffect(() => {
    if (homeCommunityId) update({ communityId: homeCommunityId })
  }, [homeCommunityId])

  return (
    <PageShell className='hall'>
      <View className='hall__search'>
        <Input className='hall__search-input' value={typed} maxLength={20} placeholder='搜索活动或心愿' onChange={setTyped} onConfirm={() => update({ keyword: typed.trim() })} data-testid='hall-search' />
        <Button type='primary' onClick={() => update({ keyword: typed.trim() })}>
          搜索
        </Button>
      </View>
      <ScrollView scrollX className='hall__filters'>
        <ChoiceGroup options={KIND_OPTIONS} value={filter.kind} onChange={(value) => update({ kind: value as Kind })} testId='hall-kind' />
      </ScrollView>
      <ScrollView scrollX className='hall__filters'>
        <ChoiceGroup options={WITHIN_OPTIONS} value={filter.within} onChange={(value) => update({ within: value as Within })} testId='hall-within' />
      </ScrollView>
      {communities.length > 0 && (
        <ScrollView scrollX className='hall__filters'>
          <ChoiceGroup
            options={[{ value: 'all', label: '全部社区' }, ...communities.map((c) => ({ value: c._id, label: c.name }))]}
            value={filter.communityId ?? 'all'}
            onChange={(value) => update({ communityId: value === 'all' ? undefined : (value as string) })}
            testId='hall-community'
          />
        </ScrollView>
      )}
      <View className='hall__where'>
        {filter.near ? (
          <Text className='hint'>已按您的位置显示距离</Text>
        ) : (
          <>
            <Text className='hint'>允许使用位置后，活动会显示离您多远。位置只用于这次查看，不会保存。</Text>
            <Button
              fill='outline'
              loading={locating}
              openType='agreePrivacyAuthorization'
              onClick={() => {
                rememberLocationConsent()
                void locate()
              }}
            >
              使用我的位置
            </Button>
          </>
        )}
      </View>
      {filter.kind === 'all' && !showsWishes(filter) && <Text className='hint hall__note'>按时间查找时只显示活动；想看心愿，请选“不限时间”。</Text>}
      <PagedList list={list} empty={filter.keyword ? `没有找到和“${filter.keyword}”有关的活动或心愿` : '现在没有可以参加的活动或心愿，过几天再来看看'} end='已经到底了'>
        {(item) =>
          item.kind === 'activity' ? (
            <ActivityCard key={`a-${item.activity._id}`} activity={item.activity} onOpen={() => Taro.navigateTo({ url: withQuery(pages.activityDetail, { id: item.activity._id }) })} />
          ) : (
            <WishCard key={`w-${item.wish._id}`} wish={item.wish} />
          )
        }
      </PagedList>
    </PageShell>
  )
}
