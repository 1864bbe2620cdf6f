import { View, Text } from '@tarojs/components'
import { formatChinaTime } from '@/domain/dates'
import './index.scss'

export type TimelineItem = { at: string; title: string; by?: string; note?: string }

/** What happened, oldest first: each step with who did it and when. */
export function Timeline({ items }: { items: TimelineItem[] }) {
  return (
    <View className='timeline' data-testid='timeline'>
      {items.map((item, index) => (
        <View key={`${item.at}-${index}`} className={`timeline__item ${index === items.length - 1 ? 'timeline__item--last' : ''}`}>
          <View className='timeline__dot' />
          <View className='timeline__body'>
            <Text className='timeline__title'>{item.title}</Text>
            <Text className='timeline__meta'>
              {formatChinaTime(item.at)}
              {item.by ? ` · ${item.by}` : ''}
            </Text>
            {item.note && <Text className='timeline__note'>{item.note}</Text>}
          </View>
        </View>
      ))}
    </View>
  )
}
