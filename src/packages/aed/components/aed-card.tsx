import { View, Text } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import type { NearbyAed } from '@/domain/aed/contract'
import { formatDistance } from '@/domain/geo'
import './aed-card.scss'

/** One AED in the nearby list: how far, where exactly, whether it can be reached and used now. */
export function AedCard({ aed, selected, onOpen }: { aed: NearbyAed; selected?: boolean; onOpen(): void }) {
  return (
    <View className={`aed-card card ${selected ? 'aed-card--selected' : ''}`} data-testid='aed-card' onClick={onOpen}>
      <View className='aed-card__head'>
        <Text className='aed-card__distance'>{formatDistance(aed.distanceMeters)}</Text>
        <Text className='hint'>步行约{aed.walkingMinutes}分钟</Text>
        <Tag type={aed.openNow ? 'success' : 'default'}>{aed.openNow ? '现在开放' : '现在不开放'}</Tag>
      </View>
      <Text className='aed-card__name'>{aed.name}</Text>
      <Text className='hint'>
        {aed.landmark} · {aed.placement === 'indoor' ? `室内${aed.floor ? ` ${aed.floor}` : ''}` : '室外'}
      </Text>
      {aed.reasons.length > 0 && (
        <View className='aed-card__warnings' data-testid='aed-warnings'>
          {aed.reasons.map((warning) => (
            <Tag key={warning} type='danger' plain>
              {warning}
            </Tag>
          ))}
        </View>
      )}
    </View>
  )
}
