import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Page } from '@/domain/contract'
import { isRetryable, messageOf } from '@/services/service-error'

/** An item's identity where it has one, to drop the copy a fresh first page pushed further down. */
const idOf = (item: unknown) => (item && typeof item === 'object' ? (item as { _id?: unknown })._id : undefined)

/** A fresh first page in place of the old one, the pages loaded after it kept (without what moved up). */
function withFreshFirstPage<T>(fresh: T[], previous: T[], pageSize: number): T[] {
  const ids = new Set<unknown>(fresh.map(idOf).filter((id) => id !== undefined))
  return [...fresh, ...previous.slice(pageSize).filter((item) => !ids.has(idOf(item)))]
}

/**
 * A paginated list for a page: first page on open, the next on reaching the bottom, all over
 * again on pull-to-refresh. Shown again (back from a detail page, a form, another tab), it asks
 * for its first page once more and keeps what was scrolled to: a wish just posted, or one just
 * claimed elsewhere, is there without a pull.
 * `deps`: when they change (e.g. a status filter) the list starts over from page 1.
 */
export function usePagedList<T, P extends Page<T> = Page<T>>(loadPage: (page: number) => Promise<P>, deps: readonly unknown[] = []) {
  const [items, setItems] = useState<T[]>([])
  const [last, setLast] = useState<P>()
  const [error, setError] = useState<string>()
  const [loading, setLoading] = useState(true)
  const [retryable, setRetryable] = useState(true)
  const latest = useRef(0)
  const load = useRef(loadPage)
  load.current = loadPage

  // The newest request wins: a filter change while a page is loading discards that page.
  const fetchPage = useCallback(async (page: number, { keepLoaded = false }: { keepLoaded?: boolean } = {}) => {
    const ticket = ++latest.current
    setLoading(true)
    setError(undefined)
    try {
      const result = await load.current(page)
      if (ticket !== latest.current) return
      if (keepLoaded) {
        setLast((previous) => (previous ? { ...result, page: previous.page } : result))
        setItems((previous) => withFreshFirstPage(result.items, previous, result.pageSize))
        return
      }
      setLast(result)
      setItems((previous) => (page === 1 ? result.items : [...previous, ...result.items]))
    } catch (failure) {
      if (ticket === latest.current) {
        setError(messageOf(failure))
        setRetryable(isRetryable(failure))
      }
    } finally {
      if (ticket === latest.current) setLoading(false)
    }
  }, [])

  const hasMore = !!last && last.hasMore
  const refresh = useCallback(() => fetchPage(1), [fetchPage])
  const loadMore = useCallback(() => (hasMore && !loading ? fetchPage((last?.page ?? 0) + 1) : Promise.resolve()), [fetchPage, hasMore, loading, last])

  useEffect(() => {
    setItems([])
    setLast(undefined)
    void refresh()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [refresh, ...deps])
  const shownBefore = useRef(false)
  useDidShow(() => {
    // The first show is the open: the effect above loads it.
    if (shownBefore.current) void fetchPage(1, { keepLoaded: true })
    shownBefore.current = true
  })
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void loadMore()
  })

  return { items, last, error, loading, hasMore, refresh, retry: retryable ? refresh : undefined, loadMore }
}
