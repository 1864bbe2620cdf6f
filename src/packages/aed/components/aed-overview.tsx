import { Map, View, Text } from '@tarojs/components'
import type { NearbyAed } from '@/domain/aed/contract'
import type { LatLng } from '@/domain/geo'
import './aed-overview.scss'

type Props = { from: LatLng; aeds: NearbyAed[]; selectedId?: string; onSelect(aedId: string): void }

/** The list says the same in words; white numbers stay readable on each (≥ 5.5:1). */
const MARKER_COLORS = { ok: '#237804', warning: '#874d00', closed: '#595959', broken: '#a8071a' }

function kindOf(aed: NearbyAed): keyof typeof MARKER_COLORS {
  if (aed.readiness === 'out_of_service') return 'broken'
  if (!aed.openNow) return 'closed'
  return aed.readiness === 'warning' ? 'warning' : 'ok'
}

/**
 * Where the AEDs are around the person. On WeChat the native map with markers (tap one to pick
 * its card); on H5, with no map tiles, a light drawing of relative positions.
 */
export function AedOverview({ from, aeds, selectedId, onSelect }: Props) {
  if (process.env.TARO_ENV === 'weapp') {
    return (
      <Map
        className='aed-overview__map'
        latitude={from.latitude}
        longitude={from.longitude}
        scale={15}
        showLocation
        markers={aeds.map((aed, i) => ({
          id: i,
          latitude: aed.location.latitude,
          longitude: aed.location.longitude,
          width: 28,
          height: 28,
          iconPath: '',
          callout: { content: aed.name, display: aed._id === selectedId ? 'ALWAYS' : 'BYCLICK', padding: 6, borderRadius: 6, color: '#1f1f1f', fontSize: 14, bgColor: '#ffffff', textAlign: 'center', anchorX: 0, anchorY: 0, borderWidth: 0, borderColor: MARKER_COLORS[kindOf(aed)] },
        }))}
        onMarkerTap={(event) => onSelect(aeds[Number(event.detail.markerId)]?._id)}
        onError={() => undefined}
      />
    )
  }
  // Equirectangular around the person: fine at a few kilometres.
  const reach = Math.max(200, ...aeds.map((a) => a.distanceMeters)) * 1.15
  const metersPerDegLat = 111_195
  const metersPerDegLng = metersPerDegLat * Math.cos((from.latitude * Math.PI) / 180)
  return (
    <View className='aed-overview' data-testid='aed-overview'>
      <View className='aed-overview__ring' />
      <View className='aed-overview__me' style={{ left: '50%', top: '50%' }}>
        <Text className='aed-overview__me-label'>我</Text>
      </View>
      {aeds.map((aed, i) => {
        const x = ((aed.location.longitude - from.longitude) * metersPerDegLng) / reach
        const y = ((aed.location.latitude - from.latitude) * metersPerDegLat) / reach
        return (
          <View
            key={aed._id}
            className={`aed-overview__dot aed-overview__dot--${kindOf(aed)} ${aed._id === selectedId ? 'aed-overview__dot--selected' : ''}`}
            style={{ left: `${50 + x * 50}%`, top: `${50 - y * 50}%` }}
            onClick={() => onSelect(aed._id)}
          >
            {i + 1}
          </View>
        )
      })}
      <Text className='aed-overview__scale'>外圈约 {Math.round(reach)} 米 · 数字为列表序号</Text>
    </View>
  )
}
