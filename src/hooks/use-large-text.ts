import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'

const KEY = 'boai.largeText'
const EVENT = 'largeTextChanged'

export function isLargeText(): boolean {
  return Taro.getStorageSync(KEY) === true
}

/** 大字模式: one setting, remembered on the device, applied to every open page at once. */
export function useLargeText(): [boolean, (on: boolean) => void] {
  const [large, setLarge] = useState(isLargeText)
  useEffect(() => {
    const onChange = (on: boolean) => setLarge(on)
    Taro.eventCenter.on(EVENT, onChange)
    return () => {
      Taro.eventCenter.off(EVENT, onChange)
    }
  }, [])
  const update = (on: boolean) => {
    Taro.setStorageSync(KEY, on)
    Taro.eventCenter.trigger(EVENT, on)
  }
  return [large, update]
}
