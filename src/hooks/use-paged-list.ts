import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Page } from '@/domain/contract'
import { messageOf } from '@/services/service-error'

/**
 * A paginated list for a page: first page on open, the next on reaching the bottom, all over
 * again on pull-to-refresh.
 */
export function usePagedList<T, P extends Page<T> = Page<T>>(loadPage: (page: number) => Promise<P>) {
  const [items, setItems] = useState<T[]>([])
  const [last, setLast] = useState<P>()
  const [error, setError] = useState<string>()
  const [loading, setLoading] = useState(true)
  const busy = useRef(false)
  const load = useRef(loadPage)
  load.current = loadPage

  const fetchPage = useCallback(async (page: number) => {
    if (busy.current) return
    busy.current = true
    setLoading(true)
    setError(undefined)
    try {
      const result = await load.current(page)
      setLast(result)
      setItems((previous) => (page === 1 ? result.items : [...previous, ...result.items]))
    } catch (failure) {
      setError(messageOf(failure))
    } finally {
      busy.current = false
      setLoading(false)
    }
  }, [])

  const hasMore = !!last && last.page * last.pageSize < last.total
  const refresh = useCallback(() => fetchPage(1), [fetchPage])
  const loadMore = useCallback(() => (hasMore ? fetchPage((last?.page ?? 0) + 1) : Promise.resolve()), [fetchPage, hasMore, last])

  useEffect(() => {
    void refresh()
  }, [refresh])
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void loadMore()
  })

  return { items, last, error, loading, hasMore, refresh, loadMore }
}
