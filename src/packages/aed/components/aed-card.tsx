import { View, Text } from '@tarojs/components'
import { CloudImage } from '@/components/cloud-image'
import type { NearbyAed } from '@/domain/aed/contract'
import { formatDistance } from '@/domain/geo'
import { OpenTag, ReadinessPanel } from './readiness'
import './aed-card.scss'

/** One AED in the nearby list: how far, where exactly (with a photo of the spot where there is one), whether it can be reached and used now. */
export function AedCard({ aed, index, selected, onOpen, onPhotoExpired }: { aed: NearbyAed; index: number; selected?: boolean; onOpen(): void; onPhotoExpired?(): void }) {
  return (
    <View className={`aed-card card ${selected ? 'aed-card--selected' : ''}`} data-testid='aed-card' data-readiness={aed.readiness} onClick={onOpen}>
      <View className='aed-card__head'>
        <Text className='aed-card__index'>{index}</Text>
        <Text className='aed-card__distance'>{formatDistance(aed.distanceMeters)}</Text>
        <Text className='aed-card__walk'>往返约{aed.roundTripMinutes}分钟</Text>
        <OpenTag openNow={aed.openNow} />
      </View>
      <Text className='aed-card__name'>{aed.name}</Text>
      <Text className='aed-card__where'>
        {aed.landmark} · {aed.placement === 'indoor' ? `室内${aed.floor ? ` ${aed.floor}` : ''}` : '室外'} · {aed.hours}
      </Text>
      {aed.photo && <CloudImage className='aed-card__photo' src={aed.photo} onExpired={onPhotoExpired} testId='aed-photo' />}
      <ReadinessPanel aed={aed} />
    </View>
  )
}
