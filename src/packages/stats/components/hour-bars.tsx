import { View, Text } from '@tarojs/components'
import './hour-bars.scss'

/** Service hours by month as plain bars (NutUI has no chart): one row per month, widths to the largest. */
export function HourBars({ months, upTo = 12 }: { months: number[]; upTo?: number }) {
  const shown = months.slice(0, upTo)
  const largest = Math.max(1, ...shown)
  return (
    <View className='hour-bars' data-testid='stats-hours-chart' role='img' aria-label='每月服务时长'>
      {shown.map((hours, i) => (
        <View key={i} className='hour-bars__row'>
          <Text className='hour-bars__label'>{i + 1}月</Text>
          <View className='hour-bars__line'>
            <View className='hour-bars__bar' style={{ width: `${Math.max(hours > 0 ? 2 : 0, Math.round((hours / largest) * 100))}%` }} />
          </View>
          <Text className='hour-bars__value'>{hours ? `${hours}小时` : '—'}</Text>
        </View>
      ))}
    </View>
  )
}
