import { View, Text, ScrollView } from '@tarojs/components'
import type { CommunityStats, DistrictStats } from '@/domain/stats/contract'
import { formatYuan } from '@/domain/fund/rules'
import type { Figures, TargetKey } from '@/domain/stats/figures'
import './district-table.scss'

type Row = { name: string; figures: Figures; completion: CommunityStats['completion'] }

/** A figure and, where a target is set, its completion under it. */
function cell(value: string, completion: CommunityStats['completion'], key?: TargetKey) {
  const percent = key ? completion[key] : undefined
  return (
    <View className='district-table__cell'>
      <Text className='district-table__value'>{value}</Text>
      {percent !== undefined && percent !== null && <Text className='district-table__percent'>{percent}%</Text>}
    </View>
  )
}

const COLUMNS = ['博爱家园', '会员', '志愿者', '服务时长', '初级救护员', '普及培训', 'AED可用/总数', '互助金余额']

/** The district's communities side by side, the total last; wide, so it scrolls sideways. */
export function DistrictTable({ stats }: { stats: DistrictStats }) {
  const rows: Row[] = [...stats.communities.map((c) => ({ name: c.communityName, figures: c.figures, completion: c.completion })), { name: '合计', figures: stats.total, completion: stats.completion }]
  return (
    <ScrollView scrollX className='district-table' data-testid='stats-district-table'>
      <View className='district-table__grid'>
        <View className='district-table__row district-table__row--head'>
          {COLUMNS.map((c) => (
            <Text key={c} className='district-table__cell district-table__head'>
              {c}
            </Text>
          ))}
        </View>
        {rows.map(({ name, figures: f, completion }) => (
          <View key={name} className={`district-table__row ${name === '合计' ? 'district-table__row--total' : ''}`}>
            <Text className='district-table__cell district-table__name'>{name}</Text>
            {cell(`${f.members}`, completion, 'members')}
            {cell(`${f.volunteers}`, completion, 'volunteers')}
            {cell(`${f.hours}`, completion, 'hours')}
            {cell(`${f.rescuers}`, completion, 'rescuers')}
            {cell(`${f.reached}`, completion, 'reached')}
            {cell(`${f.aedsReady}/${f.aeds}`, completion, 'aeds')}
            {cell(formatYuan(f.fundBalanceFen), completion)}
          </View>
        ))}
      </View>
    </ScrollView>
  )
}
