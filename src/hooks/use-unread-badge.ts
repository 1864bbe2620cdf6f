import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { notifyService } from '@/services/notify'

/** 我的 is the fourth tab: its badge counts the caller's unread messages. */
const MINE_TAB_INDEX = 3
/** A count this fresh is shown as it is: every tab switch asking the cloud again costs an invocation each (#25). */
const FRESH_MS = 60_000

let known: { count: number; at: number } | null = null

/** The count `user.me` brought along (the page that opened the app asked for it anyway). */
export function noteUnread(count: number): void {
  known = { count, at: Date.now() }
}

/** Messages were read: the next tab shown asks again. */
export function forgetUnread(): void {
  known = null
}

function showBadge(count: number) {
  return count > 0
    ? Taro.setTabBarBadge({ index: MINE_TAB_INDEX, text: count > 99 ? '99+' : String(count) })
    : Taro.removeTabBarBadge({ index: MINE_TAB_INDEX })
}

/**
 * Keeps the unread count on the 我的 tab current whenever a tab page comes into view, and returns
 * it (the 消息 entry on 我的 shows it too): from the last minute's count when there is one, else
 * from `notify.unread`. A failed look-up leaves the count as it was: it is a hint, never in the way.
 */
export function useUnreadBadge(): number {
  const [unread, setUnread] = useState(known?.count ?? 0)
  useDidShow(() => {
    const fresh = known && Date.now() - known.at < FRESH_MS ? known.count : null
    const count = fresh !== null ? Promise.resolve(fresh) : notifyService.unread().then(({ unread: latest }) => (noteUnread(latest), latest))
    void count
      .then((latest) => {
        setUnread(latest)
        return showBadge(latest)
      })
      .catch(() => undefined)
  })
  return unread
}
