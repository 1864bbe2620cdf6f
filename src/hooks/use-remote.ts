import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { isRetryable, messageOf } from '@/services/service-error'

export type Remote<T> = {
  data: T | undefined
  /** Plain-Chinese message of the last failure, if any. */
  error: string | undefined
  loading: boolean
  reload(): Promise<void>
  /** `reload` for 重试, absent when trying again cannot help (not found, not allowed). */
  retry: (() => Promise<void>) | undefined
}

/**
 * Loads data for a page from a service call: loading and error states, a retry for 重试, and
 * pull-to-refresh when the page enables it.
 */
export function useRemote<T>(load: () => Promise<T>, deps: readonly unknown[] = []): Remote<T> {
  const [data, setData] = useState<T>()
  const [error, setError] = useState<string>()
  const [loading, setLoading] = useState(true)
  const [retryable, setRetryable] = useState(true)
  const latest = useRef(0)

  // eslint-disable-next-line react-hooks/exhaustive-deps
  const reload = useCallback(async () => {
    const ticket = ++latest.current
    setLoading(true)
    setError(undefined)
    try {
      const value = await load()
      if (ticket === latest.current) setData(value)
    } catch (failure) {
      if (ticket === latest.current) {
        setError(messageOf(failure))
        setRetryable(isRetryable(failure))
      }
    } finally {
      if (ticket === latest.current) setLoading(false)
    }
  }, deps)

  useEffect(() => {
    void reload()
  }, [reload])

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })

  return { data, error, loading, reload, retry: retryable ? reload : undefined }
}
