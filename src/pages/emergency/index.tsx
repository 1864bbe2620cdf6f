import { View, Text } from '@tarojs/components'
import { Button, Switch } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { CprMetronome } from '@/components/cpr-metronome'
import { NearestAeds } from './nearest-aeds'
import { QuickCards } from './quick-cards'
import { PageShell } from '@/components/page-shell'
import { pages } from '@/routes'
import { CPR_RATE_PER_MINUTE } from '@/domain/firstaid/cpr'
import { CHILD_STEPS, CPR_STEPS, HANDS_ONLY_NOTE, SOURCE_NOTE, TRAINED_OPT_IN } from './steps'
import './index.scss'

const METRONOME_ID = 'sos-metronome'

/**
 * 紧急求助: the 120 button comes first and shows at once, without waiting for any network call,
 * so it works with no signal. In the main package, so it never waits for a download either.
 * A bystander gets hands-only CPR unless they say they are trained (see TRAINED_OPT_IN).
 */
export default function EmergencyPage() {
  const [trained, setTrained] = useState(false)
  const handsOnly = !trained
  const toMetronome = () => void Taro.pageScrollTo({ selector: `#${METRONOME_ID}`, duration: 300 })
  return (
    <PageShell>
      <View className='sos' data-testid='sos'>
        <Button className='sos__call' type='danger' size='xlarge' block onClick={() => Taro.makePhoneCall({ phoneNumber: '120' })}>
          拨打 120
        </Button>
        {/* Issue #22: after 120, never instead of it. */}
        <Button block onClick={() => void Taro.navigateTo({ url: pages.rescueRaise })} data-testid='sos-notify-responders'>
          通知附近救护员
        </Button>
        <Text className='sos__lead'>先打120：说清地址和病人情况，听从调度员指导，不要先挂电话。</Text>
        <NearestAeds onMetronome={toMetronome} />
        <QuickCards />
      </View>

      <Steps title='心肺复苏（成人）' steps={CPR_STEPS} numbered />

      <View className='card' id={METRONOME_ID}>
        <Text className='sos__mode-now' data-testid='cpr-mode'>
          {handsOnly ? '只做胸外按压，不用吹气' : '按压30次，人工呼吸2次'}
        </Text>
        {handsOnly && <Text className='hint'>{HANDS_ONLY_NOTE}</Text>}
        <View className='sos__mode'>
          <Text>{TRAINED_OPT_IN}</Text>
          <Switch checked={trained} onChange={setTrained} aria-label={TRAINED_OPT_IN} />
        </View>
        {process.env.TARO_ENV === 'weapp' ? <cpr-metronome rate={CPR_RATE_PER_MINUTE} breaths={!handsOnly} /> : <CprMetronome handsOnly={handsOnly} />}
      </View>

      <Steps title='儿童和婴儿有哪些不同' steps={CHILD_STEPS} />
      <Text className='hint sos__note'>{SOURCE_NOTE}</Text>
    </PageShell>
  )
}

/** A card of steps, numbered when their order matters. */
function Steps({ title, steps, numbered = false }: { title: string; steps: ReadonlyArray<{ title: string; text: string }>; numbered?: boolean }) {
  return (
    <View className='card'>
      <Text className='section-title'>{title}</Text>
      {steps.map((step, i) => (
        <View key={step.title} className='sos__step'>
          {numbered && <Text className='sos__step-no'>{i + 1}</Text>}
          <View>
            <Text className='sos__step-title'>{step.title}</Text>
            <Text className='sos__step-text'>{step.text}</Text>
          </View>
        </View>
      ))}
    </View>
  )
}
