import { useEffect, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { onOpening, opening } from '@/services/session'

/** 我的 is the fourth tab: its badge counts the caller's unread messages. */
const MINE_TAB_INDEX = 3

const showBadge = (count: number) =>
  (count > 0 ? Taro.setTabBarBadge({ index: MINE_TAB_INDEX, text: count > 99 ? '99+' : String(count) }) : Taro.removeTabBarBadge({ index: MINE_TAB_INDEX })).catch(() => undefined)

/**
 * Keeps the unread count on the 我的 tab current and returns it (the 消息 entry on 我的 shows it
 * too): from the answer the app got when it opened while fresh, asked again when a tab page
 * comes into view after that, and at once when the inbox reports a new count. A failed look-up
 * leaves the count as it was: it is a hint, never in the way.
 */
export function useUnreadBadge(): number {
  const [unread, setUnread] = useState(0)
  useEffect(
    () =>
      onOpening(({ unread: count }) => {
        setUnread(count)
        void showBadge(count)
      }),
    [],
  )
  useDidShow(() => {
    void opening()
      .then(({ unread: count }) => {
        setUnread(count)
        return showBadge(count)
      })
      .catch(() => undefined)
  })
  return unread
}
