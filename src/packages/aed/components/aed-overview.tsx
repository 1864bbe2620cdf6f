import { Map, View, Text } from '@tarojs/components'
import type { NearbyAed } from '@/domain/aed/contract'
import type { LatLng } from '@/domain/geo'
import { layoutMarkers, scaleBar } from '@/domain/aed/marker-layout'
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
  return <DrawnOverview from={from} aeds={aeds} selectedId={selectedId} onSelect={onSelect} />
}

/** The drawing's size in CSS pixels (fits a 390-wide phone), and the tap target of a marker. */
const FRAME = { width: 340, height: 240, gap: 44 }
const DOT = 24

const LEGEND: Array<{ kind: keyof typeof MARKER_COLORS; label: string }> = [
  { kind: 'ok', label: '可以使用' },
  { kind: 'warning', label: '需要注意' },
  { kind: 'closed', label: '不在开放时间' },
  { kind: 'broken', label: '可能无法使用' },
]
const stateOf = (aed: NearbyAed) => LEGEND.find((l) => l.kind === kindOf(aed))?.label ?? ''


/**
 * H5 has no map tiles: a drawing of where the AEDs are around the person, to one scale in both
 * directions, north up (marked). Markers never cover each other: one moved to make room keeps a
 * line to its true place. The chosen marker (else #1, the first to run to) is ringed and named with
 * its state right under the drawing (a label on the drawing would cover other markers or the person),
 * as weapp's map shows a callout; every marker says both to a screen reader.
 */
function DrawnOverview({ from, aeds, selectedId, onSelect }: Props) {
  // Equirectangular around the person: fine at a few kilometres.
  const metersPerDegLat = 111_195
  const metersPerDegLng = metersPerDegLat * Math.cos((from.latitude * Math.PI) / 180)
  const reach = Math.max(200, ...aeds.map((a) => a.distanceMeters)) * 1.1
  const pixelsPerMeter = (Math.min(FRAME.width, FRAME.height) / 2 - FRAME.gap / 2) / reach
  const placed = layoutMarkers(
    aeds.map((aed) => ({
      x: FRAME.width / 2 + (aed.location.longitude - from.longitude) * metersPerDegLng * pixelsPerMeter,
      y: FRAME.height / 2 - (aed.location.latitude - from.latitude) * metersPerDegLat * pixelsPerMeter,
    })),
    FRAME,
  )
  const bar = scaleBar(pixelsPerMeter, FRAME.width / 3)
  const labelled = Math.max(0, aeds.findIndex((a) => a._id === selectedId))
  const at = (x: number, y: number, size: number) => ({ left: `${x - size / 2}px`, top: `${y - size / 2}px`, width: `${size}px`, height: `${size}px` })
  return (
    <View className='aed-overview-drawn' data-testid='aed-overview'>
      <View className='aed-overview' style={{ width: `${FRAME.width}px`, height: `${FRAME.height}px` }}>
        {placed.map((p, i) =>
          p.moved ? (
            <View key={`line-${aeds[i]._id}`}>
              <View className='aed-overview__true' style={at(p.trueX, p.trueY, 8)} />
              <View
                className='aed-overview__leader'
                style={{ left: `${p.trueX}px`, top: `${p.trueY}px`, width: `${Math.hypot(p.x - p.trueX, p.y - p.trueY)}px`, transform: `rotate(${Math.atan2(p.y - p.trueY, p.x - p.trueX)}rad)` }}
              />
            </View>
          ) : null,
        )}
        <View className='aed-overview__me' style={at(FRAME.width / 2, FRAME.height / 2, 32)}>
          <Text className='aed-overview__me-label'>我</Text>
        </View>
        {placed.map((p, i) => (
          <View
            key={aeds[i]._id}
            className={`aed-overview__dot aed-overview__dot--${kindOf(aeds[i])} ${i === labelled ? 'aed-overview__dot--selected' : ''}`}
            style={{ ...at(p.x, p.y, FRAME.gap), padding: `${(FRAME.gap - DOT) / 2}px`, lineHeight: `${DOT}px` }}
            onClick={() => onSelect(aeds[i]._id)}
            data-testid='aed-marker'
            aria-label={`${i + 1} ${aeds[i].name}，${stateOf(aeds[i])}`}
          >
            {i + 1}
          </View>
        ))}
        <View className='aed-overview__north' data-testid='aed-north' aria-label='上方为北'>
          <Text className='aed-overview__north-arrow'>▲</Text>
          <Text className='aed-overview__north-text'>北</Text>
        </View>
        <View className='aed-overview__scale' data-testid='aed-scale'>
          <View className='aed-overview__scale-bar' style={{ width: `${bar.pixels}px` }} />
          <Text className='aed-overview__scale-text'>{bar.meters >= 1000 ? `${bar.meters / 1000} 公里` : `${bar.meters} 米`}</Text>
        </View>
      </View>
      {aeds[labelled] && (
        <View className='aed-overview__callout' data-testid='aed-callout' onClick={() => onSelect(aeds[labelled]._id)}>
          <View className={`aed-overview__swatch aed-overview__swatch--number aed-overview__dot--${kindOf(aeds[labelled])}`}>
            <Text>{labelled + 1}</Text>
          </View>
          <Text className='aed-overview__callout-text'>
            {aeds[labelled].name} · {stateOf(aeds[labelled])}
          </Text>
        </View>
      )}
      <View className='aed-overview__legend' data-testid='aed-legend'>
        <View className='aed-overview__legend-item'>
          <View className='aed-overview__swatch aed-overview__swatch--me' />
          <Text className='hint'>您在这里</Text>
        </View>
        {LEGEND.map(({ kind, label }) => (
          <View key={kind} className='aed-overview__legend-item'>
            <View className={`aed-overview__swatch aed-overview__dot--${kind}`} />
            <Text className='hint'>{label}</Text>
          </View>
        ))}
        <Text className='hint'>数字是下方列表的序号；挪开的标记用细线连到实际位置。</Text>
      </View>
    </View>
  )
}
