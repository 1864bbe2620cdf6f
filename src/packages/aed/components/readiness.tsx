import { View, Text } from '@tarojs/components'
import type { NearbyAed, Readiness } from '@/domain/aed/contract'
import './readiness.scss'

type Shown = Pick<NearbyAed, 'readiness' | 'reasons'>

/** The headline: what matters most, in words (the colour only repeats it). */
function headline({ readiness, reasons }: Shown): string {
  if (readiness === 'ready') return '设备正常'
  // Not "usable": expired pads may not deliver a shock; the reasons below say what to expect.
  if (readiness === 'warning') return '请注意'
  return reasons[0] ?? '可能无法使用'
}

const MARKS: Record<Readiness, string> = { ready: '✓', warning: '!', out_of_service: '✕' }

/** Whether a rescuer can count on the AED, with the reasons, in text and colour. */
export function ReadinessPanel({ aed }: { aed: Shown }) {
  const details = aed.readiness === 'out_of_service' ? aed.reasons.slice(1) : aed.reasons
  return (
    <View className={`readiness readiness--${aed.readiness}`} data-testid='aed-readiness' data-readiness={aed.readiness}>
      <Text className='readiness__headline'>
        <Text className='readiness__mark'>
          {MARKS[aed.readiness]}
        </Text>
        {headline(aed)}
      </Text>
      {details.length > 0 && (
        <View className='readiness__reasons' data-testid='aed-warnings'>
          {details.map((reason) => (
            <Text key={reason} className='readiness__reason'>
              {reason}
            </Text>
          ))}
        </View>
      )}
    </View>
  )
}

/** 现在开放 / 现在不开放, readable without its colour. */
export function OpenTag({ openNow }: { openNow: boolean }) {
  return <Text className={`open-tag ${openNow ? 'open-tag--open' : 'open-tag--closed'}`}>{openNow ? '现在开放' : '现在不开放'}</Text>
}
