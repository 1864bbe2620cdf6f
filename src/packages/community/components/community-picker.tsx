import { View, Text } from '@tarojs/components'
import { ChoiceGroup } from '@/components/choice-group'
import type { CommunityRef } from '@/domain/community/types'

/** Which of the person's communities a page is about, when they serve more than one. */
export function CommunityPicker({ communities, value, onChange }: { communities: CommunityRef[]; value: string | undefined; onChange(id: string): void }) {
  if (communities.length < 2) return null
  return (
    <View className='card'>
      <Text className='section-title'>选择社区</Text>
      <ChoiceGroup options={communities.map((c) => ({ value: c._id, label: c.name }))} value={value} onChange={(id) => onChange(id as string)} testId='community-picker' />
    </View>
  )
}
