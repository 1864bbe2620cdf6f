import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { NearbyAed } from '@/domain/aed/contract'
import { formatDistance } from '@/domain/geo'
import { aedService } from '@/services/aed'
import { currentPosition, hasLocationConsent } from '@/services/location'
import { areas } from '@/routes'
import './nearest-aeds.scss'

/**
 * The three nearest AEDs, for emergency mode: fetched in the background once the person has
 * agreed to share their position; never holds up the page, and says where to look otherwise.
 */
export function NearestAeds() {
  const [aeds, setAeds] = useState<NearbyAed[]>()
  useEffect(() => {
    if (!hasLocationConsent()) return
    let cancelled = false
    void (async () => {
      const here = await currentPosition()
      if (!here) return
      const { items } = await aedService.nearby(here.latitude, here.longitude, 3)
      if (!cancelled) setAeds(items)
    })().catch(() => undefined)
    return () => {
      cancelled = true
    }
  }, [])
  return (
    <View className='nearest-aeds' data-testid='nearest-aeds' onClick={() => Taro.navigateTo({ url: areas.aed })}>
      <Text className='nearest-aeds__title'>最近的AED</Text>
      {aeds?.length ? (
        aeds.map((aed) => (
          <Text key={aed._id} className='nearest-aeds__item'>
            {formatDistance(aed.distanceMeters)} · {aed.name}（{aed.landmark}）{aed.openNow ? '' : ' · 现在不开放'}
          </Text>
        ))
      ) : (
        <Text className='nearest-aeds__item'>点这里查找附近的AED，可按位置或社区查找</Text>
      )}
    </View>
  )
}
