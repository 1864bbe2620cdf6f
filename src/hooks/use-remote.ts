import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { isRetryable, messageOf } from '@/services/service-error'

export type Remote<T> = {
  data: T | undefined
  /** Plain-Chinese message of the last failure, if any. */
  error: string | undefined
  loading: boolean
  /** Loads again; `fresh: false` lets a service answer from what the device already has. */
  reload(options?: { fresh?: boolean }): Promise<void>
  /** `reload` for 重试, absent when trying again cannot help (not found, not allowed). */
  retry: (() => Promise<void>) | undefined
}

/**
 * Loads data for a page from a service call: loading and error states, a retry for 重试, and
 * pull-to-refresh when the page enables it. `load` gets `fresh`: false on the first load, true on
 * reloads (pull-to-refresh, 重试), so a service that keeps answers knows when to ask again.
 */
export function useRemote<T>(load: (fresh: boolean) => Promise<T>, deps: readonly unknown[] = []): Remote<T> {
  const [data, setData] = useState<T>()
  const [error, setError] = useState<string>()
  const [loading, setLoading] = useState(true)
  const [retryable, setRetryable] = useState(true)
  const latest = useRef(0)

  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(async (fresh: boolean) => {
    const ticket = ++latest.current
    setLoading(true)
    setError(undefined)
    try {
      const value = await load(fresh)
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

  // Handlers pass their event as the argument: only an explicit `fresh: false` reuses kept answers.
  const reload = useCallback((options?: { fresh?: boolean }) => run(options?.fresh !== false), [run])

  useEffect(() => {
    void run(false)
  }, [run])

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })

  return { data, error, loading, reload, retry: retryable ? reload : undefined }
}
