import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import './index.scss'

export const EMERGENCY_URL = '/pages/emergency/index'

/** On every tab: one tap to 紧急求助 (call 120, nearest AED, CPR guide). */
export function EmergencyEntry() {
  return (
    <View className='emergency-entry' role='button' data-testid='emergency-entry' onClick={() => Taro.navigateTo({ url: EMERGENCY_URL })}>
      <Text className='emergency-entry__title'>紧急求助</Text>
      <Text className='emergency-entry__hint'>呼叫120 · 找AED · 心肺复苏</Text>
    </View>
  )
}
