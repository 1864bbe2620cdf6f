import { View, Text } from '@tarojs/components'
import type { MemberCard as Card } from '@/domain/member/contract'
import './index.scss'

/**
 * 电子会员卡: what a member shows at the station. The ID number is masked. No validity date:
 * membership lasts while dues are paid (《中国红十字会会费管理办法》), so the card says to which
 * year they are paid and what is due; a member two years in arrears sees it lapsed.
 */
export function MemberCard({ card }: { card: Card }) {
  const lapsed = card.dues.state === 'lapsed'
  return (
    <View className={`member-card${lapsed ? ' member-card--lapsed' : ''}`} data-testid='member-card'>
      <View className='member-card__head'>
        <Text className='member-card__cross'>✚</Text>
        <Text className='member-card__org'>中国红十字会 · {card.youth ? '青少年会员' : '会员'}</Text>
      </View>
      <Text className='member-card__name'>{card.name}</Text>
      <Text className='member-card__no'>会员号 {card.memberNo}</Text>
      <View className='member-card__rows'>
        <Text>所属社区：{card.communityName}</Text>
        <Text>身份证号：{card.idNumber}</Text>
        <Text>入会日期：{card.joinedAt}</Text>
        <Text data-testid='member-dues'>{card.dues.label}</Text>
      </View>
      <Text className='member-card__dues-hint'>{card.dues.hint}</Text>
      {card.youth && <Text className='member-card__dues-hint'>未满18周岁为青少年会员，年满18周岁起为成人会员。</Text>}
    </View>
  )
}
