import { View, Text, ScrollView } from '@tarojs/components'
import { Tabs } from '@nutui/nutui-react-taro'
import { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { ChoiceGroup } from '@/components/choice-group'
import { LoadState } from '@/components/load-state'
import { PageShell } from '@/components/page-shell'
import type { HonourPeriod } from '@/domain/volunteer/ledger'
import { useMe } from '@/hooks/use-me'
import { useRemote } from '@/hooks/use-remote'
import { userService } from '@/services/user'
import { volunteerService } from '@/services/volunteer'
import './index.scss'

const PERIODS: { value: HonourPeriod; title: string }[] = [
  { value: 'month', title: '本月' },
  { value: 'year', title: '本年' },
]

/** 光荣榜: a community's volunteers by hours served this month or this year (display names only). */
export default function HonourBoardPage() {
  const communities = useRemote(() => userService.communities())
  const me = useMe()
  const [communityId, setCommunityId] = useState(useRouter().params.communityId)
  const [period, setPeriod] = useState<HonourPeriod>('month')
  // Opens on the person's own community, not the first of the list.
  const ownCommunityId = me.data ? (me.data.homeCommunityId ?? me.data.communities[0]?._id ?? communities.data?.[0]?._id) : undefined
  useEffect(() => {
    if (!communityId && ownCommunityId) setCommunityId(ownCommunityId)
  }, [communityId, ownCommunityId])
  const board = useRemote(async () => (communityId ? volunteerService.honourBoard(communityId, period) : undefined), [communityId, period])

  return (
    <PageShell className='honour'>
      <ScrollView scrollX className='honour__communities'>
        <ChoiceGroup options={(communities.data ?? []).map((c) => ({ value: c._id, label: c.name }))} value={communityId} onChange={(value) => setCommunityId(value as string)} testId='honour-community' />
      </ScrollView>
      <Tabs value={period} onChange={(value) => setPeriod(value as HonourPeriod)}>
        {PERIODS.map((p) => (
          <Tabs.TabPane key={p.value} value={p.value} title={p.title} />
        ))}
      </Tabs>
      <LoadState
        loading={(board.loading || communities.loading) && !board.data}
        error={board.data ? undefined : (board.error ?? communities.error)}
        empty={board.data?.items.length === 0 && `${board.data.periodLabel}还没有记录的服务时长，参加活动、认领心愿就会上榜`}
        onRetry={board.reload}
      >
        {board.data && (
          <View className='card' data-testid='honour-board'>
            <Text className='section-title honour__title'>
              {board.data.communityName} · {board.data.periodLabel}
            </Text>
            {board.data.items.map((row) => (
              <View key={row.rank} className={`honour__row ${row.me ? 'honour__row--me' : ''}`} data-testid='honour-row'>
                <Text className={`honour__rank ${row.rank <= 3 ? 'honour__rank--top' : ''}`}>{row.rank}</Text>
                <Text className='honour__name'>
                  {row.displayName}
                  {row.me && '（我）'}
                </Text>
                <Text className='honour__hours'>{row.hours} 小时</Text>
              </View>
            ))}
            {board.data.mine && !board.data.items.some((row) => row.me) && (
              <Text className='honour__mine' data-testid='honour-mine'>
                我排第 {board.data.mine.rank} 位，{board.data.mine.hours} 小时
              </Text>
            )}
            <Text className='hint honour__note'>按服务时长排名，只显示前20位；姓名已做隐藏处理。</Text>
          </View>
        )}
      </LoadState>
    </PageShell>
  )
}
