import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { notifyService } from '@/services/notify'

/** 我的 is the fourth tab: its badge counts the caller's unread messages. */
const MINE_TAB_INDEX = 3

/**
 * Keeps the unread count on the 我的 tab current whenever a tab page comes into view, and returns
 * it (the 消息 entry on 我的 shows it too). A failed look-up leaves the count as it was: it is a
 * hint, never in the way.
 */
export function useUnreadBadge(): number {
  const [unread, setUnread] = useState(0)
  useDidShow(() => {
    void notifyService
      .unread()
      .then(({ unread: count }) => {
        setUnread(count)
        return count > 0
          ? Taro.setTabBarBadge({ index: MINE_TAB_INDEX, text: count > 99 ? '99+' : String(count) })
          : Taro.removeTabBarBadge({ index: MINE_TAB_INDEX })
      })
      .catch(() => undefined)
  })
  return unread
}
