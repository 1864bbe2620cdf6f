import { View, Text } from '@tarojs/components'
import { Button, Switch } from '@nutui/nutui-react-taro'
import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect, useMemo, useState } from 'react'
import { ChoiceGroup } from '@/components/choice-group'
import { LoadState } from '@/components/load-state'
import { PageShell } from '@/components/page-shell'
import { SearchBox } from '@/components/search-box'
import type { NearbyAed } from '@/domain/aed/contract'
import { compareForRescue } from '@/domain/aed/readiness'
import type { LatLng } from '@/domain/geo'
import { useRemote } from '@/hooks/use-remote'
import { aedService } from '@/services/aed'
import { currentPosition, hasLocationConsent, rememberLocationConsent } from '@/services/location'
import { messageOf } from '@/services/service-error'
import { userService } from '@/services/user'
import { AedCard } from '../../components/aed-card'
import { AedOverview } from '../../components/aed-overview'
import './index.scss'
import { pages, withQuery } from '@/routes'

type Stage = 'consent' | 'locating' | 'choose' | 'ready'

/**
 * 附近的AED: asks once to use the position (our own consent first, then WeChat's), or lets the
 * person pick their community; then the nearest AEDs, on a map or drawing and as a list, usable
 * ones first as on the emergency screen (compareForRescue), or by distance alone when asked.
 */
export default function NearbyAedPage() {
  const [stage, setStage] = useState<Stage>(hasLocationConsent() ? 'locating' : 'consent')
  const [from, setFrom] = useState<LatLng & { label: string }>()
  const [aeds, setAeds] = useState<NearbyAed[]>()
  const [error, setError] = useState<string>()
  const [selected, setSelected] = useState<string>()
  const [keyword, setKeyword] = useState('')
  const [byDistance, setByDistance] = useState(false)
  const shown = useMemo(() => aeds && [...aeds].sort(byDistance ? (a, b) => a.distanceMeters - b.distanceMeters : compareForRescue), [aeds, byDistance])
  const communities = useRemote(() => userService.communities())

  const locate = async () => {
    setStage('locating')
    const position = await currentPosition()
    if (position) {
      setFrom({ ...position, label: '您的位置' })
      setStage('ready')
    } else setStage('choose')
  }

  useEffect(() => {
    if (stage === 'locating') void locate()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const search = (near: LatLng) => aedService.nearby({ latitude: near.latitude, longitude: near.longitude, radiusMeters: 10_000, limit: 20, keyword })

  useEffect(() => {
    if (!from) return
    setAeds(undefined)
    setError(undefined)
    search(from)
      .then(({ items }) => setAeds(items))
      .catch((failure) => setError(messageOf(failure)))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [from, keyword])

  // Back from a detail page (a report, an inspection): readiness may have changed; the list stays while it refreshes.
  useDidShow(() => {
    if (from && aeds) search(from).then(({ items }) => setAeds(items), () => undefined)
  })

  const agree = () => {
    rememberLocationConsent()
    void locate()
  }

  const chooseCommunity = (communityId: string) => {
    const community = communities.data?.find((c) => c._id === communityId)
    if (!community) return
    setFrom({ ...community.location, label: `${community.name}服务站` })
    setStage('ready')
  }

  const pickPoint = async () => {
    try {
      const place = await Taro.chooseLocation({})
      setFrom({ latitude: place.latitude, longitude: place.longitude, label: place.name || '选择的位置' })
      setStage('ready')
    } catch {
      // Closed without choosing.
    }
  }

  return (
    <PageShell className='aed-page'>
      {stage === 'consent' && (
        <View className='card' data-testid='location-consent'>
          <Text className='section-title'>使用您的位置查找AED</Text>
          <Text className='hint'>为了找到离您最近的AED（自动体外除颤器），需要获取您当前的位置。位置只用于这次查找，不会保存，也不会给任何人看。</Text>
          <View className='aed-home__consent'>
            <Button type='primary' size='large' openType='agreePrivacyAuthorization' onClick={agree}>
              同意并使用我的位置
            </Button>
            <Button size='large' onClick={() => setStage('choose')}>
              不用了，我选择社区
            </Button>
          </View>
        </View>
      )}

      {stage === 'locating' && <LoadState loading>{null}</LoadState>}

      {stage === 'choose' && (
        <View className='card' data-testid='choose-community'>
          <Text className='section-title'>您在哪个社区附近？</Text>
          <Text className='hint'>没有获取到位置也没关系，选择社区后按社区服务站的位置查找。</Text>
          <ChoiceGroup options={(communities.data ?? []).map((c) => ({ value: c._id, label: c.name }))} value={undefined} onChange={(value) => chooseCommunity(value as string)} testId='community' />
          {process.env.TARO_ENV === 'weapp' && (
            <Button block className='aed-home__pick' onClick={pickPoint}>
              在地图上选一个位置
            </Button>
          )}
        </View>
      )}

      {stage === 'ready' && from && (
        <>
          <View className='aed-home__from'>
            <Text className='hint'>按 {from.label} 查找</Text>
            <Button fill='outline' onClick={() => setStage('choose')}>
              换个位置
            </Button>
          </View>
          <SearchBox placeholder='按名称搜索，如 菜市场、公园' onSearch={setKeyword} testId='aed-search' />
          <LoadState
            loading={!aeds && !error}
            error={error}
            empty={aeds?.length === 0 && (keyword ? `10公里内没有名称含“${keyword}”的AED，换个词试试` : '10公里内还没有登记的AED，您可以帮忙新增')}
            onRetry={() => setFrom({ ...from })}
          >
            {shown && (
              <>
                <AedOverview from={from} aeds={shown} selectedId={selected} onSelect={setSelected} />
                <View className='aed-home__order' data-testid='aed-order'>
                  <Text className='aed-home__order-text'>{byDistance ? '按距离排列' : '现在能用的排在前面'}</Text>
                  <View className='aed-home__order-switch'>
                    <Text>只按距离</Text>
                    <Switch checked={byDistance} onChange={setByDistance} aria-label='只按距离排列' />
                  </View>
                </View>
                {shown.map((aed, i) => (
                  <AedCard
                    key={aed._id}
                    aed={aed}
                    index={i + 1}
                    selected={aed._id === selected}
                    onOpen={() => Taro.navigateTo({ url: withQuery(pages.aedDetail, { id: aed._id, from: `${from.latitude},${from.longitude}` }) })}
                    onPhotoExpired={() => search(from).then(({ items }) => setAeds(items), () => undefined)}
                  />
                ))}
              </>
            )}
          </LoadState>
        </>
      )}

      <Button block size='large' fill='outline' className='aed-home__suggest' onClick={() => Taro.navigateTo({ url: pages.aedSuggest })}>
        发现这里缺少一台AED？新增AED
      </Button>
      <Button block size='large' fill='none' onClick={() => Taro.navigateTo({ url: pages.aedMine })} data-testid='my-aed-suggestions'>
        我建议的AED
      </Button>
    </PageShell>
  )
}
