import { View, ScrollView } from '@tarojs/components'
import { Button, Tabs } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { ChoiceGroup } from '@/components/choice-group'
import { PagedList } from '@/components/paged-list'
import { EmergencyEntry } from '@/components/emergency-entry'
import { PageShell } from '@/components/page-shell'
import { SearchBox } from '@/components/search-box'
import type { WishSummary } from '@/domain/wish/contract'
import { WISH_CATEGORIES, type WishCategory } from '@/domain/wish/rules'
import { useMe } from '@/hooks/use-me'
import { usePagedList } from '@/hooks/use-paged-list'
import { useRemote } from '@/hooks/use-remote'
import { useUnreadBadge } from '@/hooks/use-unread-badge'
import { userService } from '@/services/user'
import { wishService, type WallFilter } from '@/services/wish'
import { WishCard } from './components/wish-card'
import './index.scss'
import { areas, pages } from '@/routes'

const STATUS_TABS = [
  { value: 'open', title: '待认领' },
  { value: 'in_progress', title: '进行中' },
  { value: 'completed', title: '已完成' },
  { value: 'all', title: '全部' },
] as const
const ALL = 'all'

/** 红心愿墙: the community's wishes, open ones first, with filters, refresh and paging. */
export default function WishWallPage() {
  useUnreadBadge()
  const communities = useRemote(() => userService.communities())
  const [filter, setFilter] = useState<WallFilter>({ status: 'open' })
  const list = usePagedList<WishSummary>((page) => wishService.list(filter, page), [filter.communityId, filter.status, filter.category, filter.keyword])
  const filtered = !!(filter.keyword || filter.communityId || filter.category)
  const update = (change: Partial<WallFilter>) => setFilter((previous) => ({ ...previous, ...change }))
  // The wall opens on the person's own community, as the welcome card promises, until they choose another (or 全部社区).
  const me = useMe()
  const chosen = useRef(false)
  const home = me.data?.homeCommunityId
  useEffect(() => {
    if (home && !chosen.current) update({ communityId: home })
  }, [home])

  return (
    <PageShell>
      <EmergencyEntry />
      <SearchBox placeholder='搜索心愿，如 陪诊、修灯' onSearch={(keyword) => update({ keyword: keyword || undefined })} testId='wish-search' />
      <View className='wish-wall__actions'>
        <Button type='primary' size='large' onClick={() => Taro.navigateTo({ url: pages.wishCreate })}>
          我要许愿
        </Button>
        <Button size='large' onClick={() => Taro.navigateTo({ url: areas.wish })}>
          我的心愿
        </Button>
      </View>
      <Button block size='large' fill='outline' className='wish-wall__hall' onClick={() => Taro.navigateTo({ url: areas.activityHall })}>
        去任务大厅：心愿和志愿活动
      </Button>

      <ScrollView scrollX className='wish-wall__filters'>
        <ChoiceGroup
          options={[{ value: ALL, label: '全部社区' }, ...(communities.data ?? []).map((c) => ({ value: c._id, label: c.name }))]}
          value={filter.communityId ?? ALL}
          onChange={(value) => {
            chosen.current = true
            update({ communityId: value === ALL ? undefined : (value as string) })
          }}
          testId='wall-community'
        />
      </ScrollView>
      <ScrollView scrollX className='wish-wall__filters'>
        <ChoiceGroup
          options={[{ value: ALL, label: '全部类别' }, ...WISH_CATEGORIES.map((c) => ({ value: c, label: c }))]}
          value={filter.category ?? ALL}
          onChange={(value) => update({ category: value === ALL ? undefined : (value as WishCategory) })}
          testId='wall-category'
        />
      </ScrollView>
      <Tabs value={filter.status ?? ALL} onChange={(value) => update({ status: value === ALL ? undefined : (value as WallFilter['status']) })}>
        {STATUS_TABS.map((tab) => (
          <Tabs.TabPane key={tab.value} value={tab.value} title={tab.title} />
        ))}
      </Tabs>

      <PagedList list={list} empty={filtered ? '没有符合条件的心愿，试试换个词或选“全部社区”“全部类别”' : '这里还没有心愿，您可以发布第一个'} end='已经到底了'>
        {(wish) => <WishCard key={wish._id} wish={wish} />}
      </PagedList>
    </PageShell>
  )
}
