import { View } from '@tarojs/components'
import { ChoiceGroup } from '@/components/choice-group'
import './index.scss'

const ALL = 'all'

type Community = { _id: string; name: string }

type Props = {
  /** The communities the staff member works for. */
  communities: readonly Community[]
  /** The chosen community, or '' for all of them. */
  value: string
  onChange(communityId: string): void
}

/** A staff list narrowed to one of the staff member's communities; nothing to choose with only one. */
export function CommunityFilter({ communities, value, onChange }: Props) {
  if (communities.length < 2) return null
  // A choice needs a value of its own: 全部社区 stands for ''.
  const options = [{ value: ALL, label: '全部社区' }, ...communities.map((c) => ({ value: c._id, label: c.name }))]
  return (
    <View className='community-filter'>
      <ChoiceGroup options={options} value={value || ALL} onChange={(v) => onChange(v === ALL ? '' : (v as string))} testId='community-filter' />
    </View>
  )
}
