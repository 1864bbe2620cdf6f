import { View, Text, ScrollView } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { ChoiceGroup } from '@/components/choice-group'
import { EmptyState } from '@/components/empty-state'
import { LoadState } from '@/components/load-state'
import { PageShell } from '@/components/page-shell'
import { formatChinaTime, todayInChina } from '@/domain/dates'
import { gaugesOf } from '@/domain/stats/figures'
import { useRemote } from '@/hooks/use-remote'
import { useShareEverywhere } from '@/hooks/use-share'
import { withQuery } from '@/routes'
import { statsService } from '@/services/stats'
import { userService } from '@/services/user'
import { FigureGrid } from '../../components/figure-grid'
import { Gauge } from '../../components/gauge'
import { HourBars } from '../../components/hour-bars'
import { statsPages } from '../../routes'
import './index.scss'

const THIS_YEAR = Number(todayInChina().slice(0, 4))
const YEARS = [THIS_YEAR, THIS_YEAR - 1].map((y) => ({ value: String(y), label: `${y}年` }))

/** 家园数据: what a community's station has done this year, against the district's targets. */
export default function StatsPage() {
  const communities = useRemote(() => userService.communities())
  const [communityId, setCommunityId] = useState(useRouter().params.id)
  const [year, setYear] = useState(String(THIS_YEAR))
  useEffect(() => {
    if (!communityId && communities.data?.[0]) setCommunityId(communities.data[0]._id)
  }, [communityId, communities.data])
  const stats = useRemote(async () => (communityId ? statsService.community(communityId, Number(year)) : undefined), [communityId, year])
  useShareEverywhere({ title: stats.data ? `${stats.data.communityName}家园数据` : undefined, page: statsPages.community, id: communityId })
  const s = stats.data
  const gauges = s ? gaugesOf(s.figures, s.targets) : []
  // A past year's chart shows all twelve months; this year's only the months so far.
  const months = Number(year) === THIS_YEAR ? Number(todayInChina().slice(5, 7)) : 12

  return (
    <PageShell className='stats'>
      <ScrollView scrollX className='stats__choices'>
        <ChoiceGroup options={(communities.data ?? []).map((c) => ({ value: c._id, label: c.name }))} value={communityId} onChange={(value) => setCommunityId(value as string)} testId='stats-community' />
      </ScrollView>
      <ChoiceGroup options={YEARS} value={year} onChange={(value) => setYear(value as string)} testId='stats-year' />
      <LoadState loading={stats.loading && !s} error={s ? undefined : (stats.error ?? communities.error)} onRetry={stats.reload}>
        {s && (
          <>
            <View className='card'>
              <Text className='stats__title'>
                {s.communityName} · {s.year}年
              </Text>
              <Text className='hint'>{s.computedAt ? `数据由系统根据登记记录自动统计，每小时更新（${formatChinaTime(s.computedAt)}）` : '数据正在统计，一小时内显示'}</Text>
            </View>

            <Text className='section-title'>全年目标完成情况</Text>
            <View className='card' data-testid='stats-gauges'>
              {gauges.length > 0 ? gauges.map((g) => <Gauge key={g.key} label={g.label} value={g.value} target={g.target} percent={g.percent} unit={g.unit} />) : <EmptyState description='区红十字会还没有设定今年的目标' />}
            </View>

            <Text className='section-title'>主要数据</Text>
            <View className='card'>
              <FigureGrid figures={s.figures} />
            </View>

            <Text className='section-title'>每月志愿服务时长</Text>
            <View className='card'>
              <HourBars months={s.hoursByMonth} upTo={months} />
            </View>

            <Button block fill='outline' onClick={() => void Taro.navigateTo({ url: withQuery(statsPages.district, { year, district: encodeURIComponent(s.district) }) })} data-testid='stats-to-district'>
              查看{s.district}各社区对比
            </Button>
          </>
        )}
      </LoadState>
    </PageShell>
  )
}
