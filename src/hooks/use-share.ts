import { useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { withQuery } from '@/routes'

type Share = {
  /** The card's title; falls back to the app's name while the item is loading. */
  title: string | undefined
  /** The page that opens the shared item, and its id (none: the page itself). */
  page: string
  id?: string
}

const APP_NAME = '博爱家园'

/** 转发给朋友: the chat card opens this item by its id. The page enables `enableShareAppMessage`. */
export function useShare({ title, page, id }: Share) {
  useShareAppMessage(() => ({ title: title ?? APP_NAME, path: id ? withQuery(page, { id }) : page }))
}

/**
 * 分享到朋友圈 as well, for public things only (lessons, trainings, AEDs): the timeline opens the
 * page with this query. The page enables `enableShareTimeline`.
 */
export function useShareEverywhere(share: Share) {
  useShare(share)
  useShareTimeline(() => ({ title: share.title ?? APP_NAME, query: share.id ? `id=${share.id}` : '' }))
}
