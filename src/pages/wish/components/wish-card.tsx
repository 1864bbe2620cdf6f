import { View, Text } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { formatChinaTime } from '@/domain/dates'
import type { WishSummary } from '@/domain/wish/contract'
import { WISH_STATUS_LABELS, WISH_STATUS_TONES } from '@/domain/wish/states'
import './wish-card.scss'
import { pages, withQuery } from '@/routes'

/** One wish on the wall or in a personal list; tapping opens its detail. */
export function WishCard({ wish }: { wish: WishSummary }) {
  return (
    <View className='wish-card card' data-testid='wish-card' onClick={() => Taro.navigateTo({ url: withQuery(pages.wishDetail, { id: wish._id }) })}>
      <View className='wish-card__head'>
        <Text className='wish-card__title'>{wish.title}</Text>
        <Tag type={WISH_STATUS_TONES[wish.status]}>{WISH_STATUS_LABELS[wish.status]}</Tag>
      </View>
      <Text className='wish-card__summary'>
        {wish.summary}
        {/* The wall shows the start of a long wish: say so, and where the rest is. */}
        {wish.summary.endsWith('…') && <Text className='wish-card__more'> 查看全文 ›</Text>}
      </Text>
      <Text className='hint'>
        {wish.category} · {wish.communityName} · {wish.ownerName} · {formatChinaTime(wish.createdAt, 'M月D日')}
        {wish.claimerName ? ` · 认领人 ${wish.claimerName}` : ''}
      </Text>
    </View>
  )
}
