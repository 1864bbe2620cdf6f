import { View, Text } from '@tarojs/components'
import type { DiffRow } from '@/domain/firstaid/lesson-diff'
import './lesson-diff.scss'

type Props = { rows: DiffRow[]; beforeLabel: string; afterLabel: string }

/** The parts of a lesson that differ, side by side: what residents see now, and what is proposed. */
export function LessonDiff({ rows, beforeLabel, afterLabel }: Props) {
  if (rows.length === 0) return <Text className='hint'>内容没有不同。</Text>
  return (
    <View className='lesson-diff' data-testid='lesson-diff'>
      {rows.map((row) => (
        <View key={row.part} className='lesson-diff__row' data-testid='diff-row'>
          <Text className='lesson-diff__part'>{row.part}</Text>
          <View className='lesson-diff__sides'>
            <View className='lesson-diff__side lesson-diff__side--before'>
              <Text className='lesson-diff__label'>{beforeLabel}</Text>
              <Text className='lesson-diff__text'>{row.before || '（无）'}</Text>
            </View>
            <View className='lesson-diff__side lesson-diff__side--after'>
              <Text className='lesson-diff__label'>{afterLabel}</Text>
              <Text className='lesson-diff__text'>{row.after || '（删除）'}</Text>
            </View>
          </View>
        </View>
      ))}
    </View>
  )
}
