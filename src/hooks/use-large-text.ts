import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'

const KEY = 'boai.largeText'
const EVENT = 'largeTextChanged'

export function isLargeText(): boolean {
  return Taro.getStorageSync(KEY) === true
}

/**
 * Pages get 大字模式 from PageShell's class; on H5, popups, toasts and the tab bar are drawn outside
 * the page, so <html> carries the same scale (app.scss `.text-large`). Weapp draws them natively.
 */
function markDocument(on: boolean) {
  if (process.env.TARO_ENV === 'h5') document.documentElement.classList.toggle('text-large', on)
}

/** 大字模式: one setting, remembered on the device, applied to every open page at once. */
export function useLargeText(): [boolean, (on: boolean) => void] {
  const [large, setLarge] = useState(isLargeText)
  useEffect(() => markDocument(large), [large])
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
