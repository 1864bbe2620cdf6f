import Taro, { useDidShow } from '@tarojs/taro'
import { notifyService } from '@/services/notify'

/** 我的 is the fourth tab: its badge counts the caller's unread messages. */
const MINE_TAB_INDEX = 3

/**
 * Keeps the unread count on the 我的 tab current whenever a tab page comes into view. A failed
 * look-up leaves the badge as it was: it is a hint, never in the way.
 */
export function useUnreadBadge(): void {
  useDidShow(() => {
    void notifyService
      .unread()
      .then(({ unread }) =>
        unread > 0
          ? Taro.setTabBarBadge({ index: MINE_TAB_INDEX, text: unread > 99 ? '99+' : String(unread) })
          : Taro.removeTabBarBadge({ index: MINE_TAB_INDEX }),
      )
      .catch(() => undefined)
  })
}
