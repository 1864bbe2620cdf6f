import { useDidHide, useDidShow } from '@tarojs/taro'
import { useEffect, useRef } from 'react'
import type { AlertView } from '@/domain/rescue/contract'
import { useRemote } from '@/hooks/use-remote'
import { rescueService } from '@/services/rescue'

/** Issue #22: the raiser's and responders' view refreshes within 5 s, only while the page is in front (#25: no polling in the background). */
export const ALERT_REFRESH_MS = 5000

/** One alert, read again every 5 s while its page is shown and the alert is open. */
export function useAlert(alertId: string) {
  const alert = useRemote<AlertView>(() => rescueService.get(alertId), [alertId])
  const timer = useRef<ReturnType<typeof setInterval>>()
  const open = alert.data?.status !== 'closed'
  const reload = useRef(alert.reload)
  reload.current = alert.reload
  const start = () => {
    if (timer.current || !open) return
    timer.current = setInterval(() => void reload.current(), ALERT_REFRESH_MS)
  }
  const stop = () => {
    clearInterval(timer.current)
    timer.current = undefined
  }
  useDidShow(start)
  useDidHide(stop)
  useEffect(() => {
    if (open) start()
    else stop()
    return stop
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open])
  return alert
}
