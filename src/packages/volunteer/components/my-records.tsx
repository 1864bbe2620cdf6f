import { View } from '@tarojs/components'
import { Tabs } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { ActivityCard } from '@/components/activity-card'
import { PagedList } from '@/components/paged-list'
import type { ActivityView } from '@/domain/activity/contract'
import type { LedgerEntry } from '@/domain/volunteer/contract'
import { usePagedList } from '@/hooks/use-paged-list'
import { activityService } from '@/services/activity'
import { volunteerService } from '@/services/volunteer'
import { LedgerRow } from './ledger-row'
import { pages, withQuery } from '@/routes'

type Tab = 'ledger' | 'upcoming' | 'past'

function Ledger() {
  const list = usePagedList<LedgerEntry>((page) => volunteerService.ledger(page))
  return (
    <View className='card' data-testid='ledger'>
      <PagedList list={list} empty='还没有服务时长记录，认领心愿或参加活动后会记在这里' end='没有更早的记录了'>
        {(entry) => <LedgerRow key={entry._id} entry={entry} />}
      </PagedList>
    </View>
  )
}

function Signups({ when }: { when: 'upcoming' | 'past' }) {
  const list = usePagedList<ActivityView>((page) => activityService.mine(when, page), [when])
  return (
    <PagedList list={list} empty={when === 'upcoming' ? '还没有报名即将开始的活动，去任务大厅看看吧' : '还没有参加过的活动'} end='已经到底了'>
      {(activity) => <ActivityCard key={activity._id} activity={activity} onOpen={() => Taro.navigateTo({ url: withQuery(pages.activityDetail, { id: activity._id }) })} />}
    </PagedList>
  )
}

/** 时长记录 and 我的报名, one tab shown (and loading) at a time. */
export function MyRecords() {
  const [tab, setTab] = useState<Tab>('ledger')
  return (
    <View data-testid='my-records'>
      <Tabs value={tab} onChange={(value) => setTab(value as Tab)}>
        <Tabs.TabPane value='ledger' title='时长记录' />
        <Tabs.TabPane value='upcoming' title='我的报名' />
        <Tabs.TabPane value='past' title='参加过的' />
      </Tabs>
      {tab === 'ledger' ? <Ledger /> : <Signups key={tab} when={tab} />}
    </View>
  )
}
