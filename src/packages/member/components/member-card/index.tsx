import { View, Text } from '@tarojs/components'
import type { MemberCard as Card } from '@/domain/member/contract'
import './index.scss'

/** 电子会员卡: what a member shows at the station. The ID number is masked. */
export function MemberCard({ card }: { card: Card }) {
  return (
    <View className='member-card' data-testid='member-card'>
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
        <Text>有效期至：{card.validUntil}</Text>
      </View>
    </View>
  )
}
