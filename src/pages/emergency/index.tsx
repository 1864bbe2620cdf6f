import { View, Text } from '@tarojs/components'
import { Button, Switch } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { CprMetronome } from '@/components/cpr-metronome'
import { NearestAeds } from './nearest-aeds'
import { PageShell } from '@/components/page-shell'
import { CPR_RATE_PER_MINUTE } from '@/domain/firstaid/cpr'
import './index.scss'

const STEPS = [
  ['确认安全，判断反应', '轻拍双肩、大声呼唤；同时看胸口有无起伏，判断呼吸不超过10秒。'],
  ['呼救并取AED', '请旁人拨打120、去取最近的AED；只有您一人时先打120并开免提。'],
  ['胸外按压', '双手掌根叠放在胸部正中（胸骨下半段），手臂伸直，垂直向下按压5–6厘米，每分钟100–120次，每次让胸廓完全回弹。'],
  ['按压与通气', '每按压30次给予2次人工呼吸；没学过或不愿做人工呼吸，可以只做持续按压。中断不超过10秒。'],
  ['尽快使用AED', 'AED一到马上用：开、贴、插、电。分析和电击时任何人不要接触患者，电击后立即继续按压。'],
]

/**
 * 紧急求助: shows the call button and the guide at once, without waiting for any network call,
 * so it works with no signal. In the main package, so it never waits for a download either.
 */
export default function EmergencyPage() {
  const [handsOnly, setHandsOnly] = useState(false)
  return (
    <PageShell>
      <View className='sos' data-testid='sos'>
        <Text className='sos__title'>先拨打 120</Text>
        <Button className='sos__call' type='danger' size='xlarge' block onClick={() => Taro.makePhoneCall({ phoneNumber: '120' })}>
          拨打 120
        </Button>
        <NearestAeds />
      </View>

      <View className='card'>
        <Text className='section-title'>心肺复苏（成人）</Text>
        {STEPS.map(([title, text], i) => (
          <View key={title} className='sos__step'>
            <Text className='sos__step-no'>{i + 1}</Text>
            <View>
              <Text className='sos__step-title'>{title}</Text>
              <Text className='sos__step-text'>{text}</Text>
            </View>
          </View>
        ))}
      </View>

      <View className='card'>
        <View className='sos__mode'>
          <Text>只做胸外按压（不做人工呼吸）</Text>
          <Switch checked={handsOnly} onChange={setHandsOnly} aria-label='只做胸外按压' />
        </View>
        {process.env.TARO_ENV === 'weapp' ? <cpr-metronome rate={CPR_RATE_PER_MINUTE} breaths={!handsOnly} /> : <CprMetronome handsOnly={handsOnly} />}
      </View>
      <Text className='hint sos__note'>本指引依据美国心脏协会（AHA）2020心肺复苏指南和中国红十字会救护员培训教材，不能代替正规培训。</Text>
    </PageShell>
  )
}
