import { View, Text } from '@tarojs/components'
import './gauge.scss'

type Props = { label: string; value: number; target: number; percent: number; unit?: string }

/** One yearly target's completion: the figure against the target, a bar and the percentage in large type. */
export function Gauge({ label, value, target, percent, unit = '' }: Props) {
  const done = percent >= 100
  return (
    <View className='gauge' data-testid='stats-gauge' role='img' aria-label={`${label}完成${percent}%`}>
      <View className='gauge__head'>
        <Text className='gauge__label'>{label}</Text>
        <Text className={`gauge__percent ${done ? 'gauge__percent--done' : ''}`}>{percent}%</Text>
      </View>
      <View className='gauge__track'>
        <View className={`gauge__fill ${done ? 'gauge__fill--done' : ''}`} style={{ width: `${Math.min(100, percent)}%` }} />
      </View>
      <Text className='gauge__numbers'>
        {value.toLocaleString('en')}
        {unit} / 目标 {target.toLocaleString('en')}
        {unit}
      </Text>
    </View>
  )
}
