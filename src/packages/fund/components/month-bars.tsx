import { View, Text } from '@tarojs/components'
import type { MonthTotal } from '@/domain/fund/contract'
import { formatYuan } from '@/domain/fund/rules'
import './month-bars.scss'

/** Income and spending by month as plain bars (NutUI has no chart): one row per month, widths to the largest. */
export function MonthBars({ months: all }: { months: MonthTotal[] }) {
  // A young fund's chart starts at its first month with money, not with a column of empty rows.
  const first = all.findIndex((m) => m.incomeFen !== 0 || m.expenseFen !== 0)
  const months = first < 0 ? all.slice(-1) : all.slice(first)
  const largest = Math.max(1, ...months.flatMap((m) => [m.incomeFen, m.expenseFen]))
  const width = (fen: number) => `${Math.max(fen > 0 ? 2 : 0, Math.round((fen / largest) * 100))}%`
  return (
    <View className='month-bars' data-testid='fund-chart' role='img' aria-label='按月收入和支出'>
      <View className='month-bars__legend'>
        <Text className='month-bars__key month-bars__key--income'>收入</Text>
        <Text className='month-bars__key month-bars__key--expense'>支出</Text>
      </View>
      {months.map((m) => (
        <View key={m.month} className='month-bars__row'>
          <Text className='month-bars__label'>{m.month.slice(5) === '01' || m === months[0] ? `${m.month.slice(2, 4)}年` : ''}{Number(m.month.slice(5))}月</Text>
          <View className='month-bars__bars'>
            <View className='month-bars__line'>
              <View className='month-bars__bar month-bars__bar--income' style={{ width: width(m.incomeFen) }} />
              <Text className='month-bars__amount'>{m.incomeFen ? formatYuan(m.incomeFen) : '—'}</Text>
            </View>
            <View className='month-bars__line'>
              <View className='month-bars__bar month-bars__bar--expense' style={{ width: width(m.expenseFen) }} />
              <Text className='month-bars__amount'>{m.expenseFen ? formatYuan(m.expenseFen) : '—'}</Text>
            </View>
          </View>
        </View>
      ))}
    </View>
  )
}
