import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { NearbyAed } from '@/domain/aed/contract'
import { describeAge, nearestKept } from '@/domain/aed/offline'
import { forRescue, inReach } from '@/domain/aed/readiness'
import { formatChinaTime } from '@/domain/dates'
import { formatDistance, type LatLng } from '@/domain/geo'
import { aedService, keptAeds } from '@/services/aed'
import { currentPosition, hasLocationConsent, navigateTo, rememberLocationConsent } from '@/services/location'
import { areas, pages, withQuery } from '@/routes'
import { NO_AED_NEARBY } from './steps'
import './nearest-aeds.scss'

/** Farther than this (20 minutes' walk) an AED is no help in a cardiac arrest; the AED page lists them. */
const SEARCH_METERS = 1500
const SHOWN = 3
/** Longer than this and the phone's own list is shown meanwhile (issue 22): a rescuer cannot wait on a weak signal. */
const LIVE_WAIT_MS = 2000

/** The usable AEDs to show, best first; `keptAt` when they come from the phone's own list (offline), as last seen then. */
type Found = { from: LatLng; aeds: NearbyAed[]; keptAt?: string }
type Stage = { kind: 'consent' } | { kind: 'locating' } | { kind: 'no-position' } | { kind: 'offline' } | ({ kind: 'found' } & Found)

/** The nearest usable AEDs from what the phone kept, or the plain offline advice when it kept none near here. */
function fromKept(from: LatLng): Stage {
  const kept = keptAeds()
  const { aeds, seenAt } = kept ? nearestKept(kept, from, new Date(), { radiusMeters: SEARCH_METERS, count: SHOWN }) : { aeds: [], seenAt: null }
  return seenAt ? { kind: 'found', from, aeds, keptAt: seenAt } : { kind: 'offline' }
}


/**
 * The nearest usable AEDs, under the 120 button: fetched in the background once the person has
 * agreed to share their position (asked here, once), so the page never waits for it.
 */
export function NearestAeds({ onMetronome }: { onMetronome(): void }) {
  const [stage, setStage] = useState<Stage>(hasLocationConsent() ? { kind: 'locating' } : { kind: 'consent' })

  const search = async () => {
    setStage({ kind: 'locating' })
    const from = await currentPosition()
    if (!from) {
      setStage({ kind: 'no-position' })
      return
    }
    // A slow answer: the kept list meanwhile; the live one replaces it when it comes.
    let answered = false
    const slow = setTimeout(() => {
      if (!answered) setStage(fromKept(from))
    }, LIVE_WAIT_MS)
    try {
      // The emergency ranking brings ready-and-open devices into the answer ahead of nearer closed ones.
      const { items } = await aedService.nearby({ ...from, emergency: true, radiusMeters: SEARCH_METERS, limit: 20 })
      setStage({ kind: 'found', from, aeds: forRescue(items, SHOWN) })
    } catch {
      setStage(fromKept(from))
    } finally {
      answered = true
      clearTimeout(slow)
    }
  }

  useEffect(() => {
    if (stage.kind === 'locating') void search()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const agree = () => {
    rememberLocationConsent()
    void search()
  }

  return (
    <View className='nearest-aeds' data-testid='nearest-aeds'>
      <Text className='nearest-aeds__title'>最近的可用AED</Text>
      {stage.kind === 'consent' && (
        <>
          <Text className='nearest-aeds__text'>用您现在的位置查找最近的AED。位置只用于这次查找，不会保存。</Text>
          <Button className='nearest-aeds__action' type='primary' block openType='agreePrivacyAuthorization' onClick={agree}>
            用我的位置找AED
          </Button>
        </>
      )}
      {stage.kind === 'locating' && <Text className='nearest-aeds__text'>正在查找附近的AED……先拨打120，开始按压。</Text>}
      {stage.kind === 'no-position' && <Text className='nearest-aeds__text'>没有获取到您的位置。请旁人按社区查找AED，您持续按压。</Text>}
      {stage.kind === 'offline' && (
        <>
          <Text className='nearest-aeds__text'>网络不通，暂时查不到AED：不要离开患者，持续按压，请旁人去取或等待120。</Text>
          <Button className='nearest-aeds__action' block onClick={() => void search()}>
            再查一次
          </Button>
        </>
      )}
      {stage.kind === 'found' && <FoundAeds {...stage} onMetronome={onMetronome} onRetry={() => void search()} />}
      {stage.kind !== 'consent' && stage.kind !== 'locating' && (
        <Text className='nearest-aeds__more' onClick={() => Taro.navigateTo({ url: areas.aed })}>
          查看全部AED（按位置或社区）
        </Text>
      )}
    </View>
  )
}

function FoundAeds({ from, aeds, keptAt, onMetronome, onRetry }: Found & { onMetronome(): void; onRetry(): void }) {
  return (
    <>
      {keptAt && (
        <View className='nearest-aeds__kept' data-testid='kept-aeds'>
          <Text className='nearest-aeds__kept-age'>
            离线数据，更新于{describeAge(keptAt, new Date())}（{formatChinaTime(keptAt, 'M月D日 HH:mm')}）
          </Text>
          <Text className='nearest-aeds__text'>网络不通，以下是手机上次查到的AED，设备状态以当时为准。</Text>
          <Button className='nearest-aeds__action' block onClick={onRetry}>
            再查一次
          </Button>
        </View>
      )}
      {!aeds.some(inReach) && (
        <View className='nearest-aeds__none' role='alert' data-testid='no-aed-nearby'>
          <Text className='nearest-aeds__none-text'>{NO_AED_NEARBY}</Text>
          <Button className='nearest-aeds__action' type='primary' fill='outline' block onClick={onMetronome}>
            跟着节拍器按压
          </Button>
        </View>
      )}
      {aeds.map((aed) => (
        <NearbyItem key={aed._id} aed={aed} from={from} />
      ))}
    </>
  )
}

function NearbyItem({ aed, from }: { aed: NearbyAed; from: LatLng }) {
  const detail = () => Taro.navigateTo({ url: withQuery(pages.aedDetail, { id: aed._id, from: `${from.latitude},${from.longitude}` }) })
  // WeChat hands over to its map with walking directions; H5 has none, so the detail page shows the way.
  const navigate = () => {
    if (!navigateTo({ ...aed.location, name: aed.name, address: `${aed.address}（${aed.landmark}）` })) void detail()
  }
  return (
    <View className='nearest-aeds__item' data-testid='emergency-aed'>
      <View className='nearest-aeds__main' onClick={detail}>
        <Text className='nearest-aeds__name'>{aed.name}</Text>
        <Text className='nearest-aeds__where'>
          {aed.landmark}
          {aed.floor ? ` · ${aed.floor}` : ''} · {aed.placement === 'indoor' ? '室内' : '室外'}
        </Text>
        <Text className='nearest-aeds__distance'>
          {formatDistance(aed.distanceMeters)} · 取来并送回约{aed.roundTripMinutes}分钟
        </Text>
        <Text className='nearest-aeds__open'>现在开放 · {aed.hours}</Text>
        {aed.readiness === 'ready' ? (
          <Text className='nearest-aeds__ready'>设备正常</Text>
        ) : (
          <Text className='nearest-aeds__warning' data-testid='aed-reasons'>
            注意：{aed.reasons.join('、')}
          </Text>
        )}
      </View>
      <Button className='nearest-aeds__go' type='primary' onClick={navigate}>
        导航
      </Button>
    </View>
  )
}
