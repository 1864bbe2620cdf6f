import Taro, { useDidHide, useDidShow } from '@tarojs/taro'
import { useRef } from 'react'
import { pages, withQuery } from '@/routes'
import { onDutyHere, rescueService } from '@/services/rescue'

/** Issue #22: with the app open, an alert appears within 5 s. */
const LOOK_EVERY_MS = 5000

/**
 * While the app is in front and its person is an on-duty responder, looks for unanswered alerts
 * every 5 s and opens the newest once. Nothing runs in the background or for anyone else, so an
 * idle app costs nothing (#25); the inbox and the subscribe message reach them otherwise.
 */
export function useRescueWatch(): void {
  const timer = useRef<ReturnType<typeof setInterval>>()
  const shown = useRef(new Set<string>())
  const look = async () => {
    if (!onDutyHere()) return
    const { alertIds } = await rescueService.pending().catch(() => ({ alertIds: [] as string[] }))
    const fresh = alertIds.find((id) => !shown.current.has(id))
    if (!fresh) return
    shown.current.add(fresh)
    const stack = Taro.getCurrentPages()
    const current = stack[stack.length - 1]
    if (current?.route && pages.rescueAlert.endsWith(current.route) && current.options?.id === fresh) return
    void Taro.navigateTo({ url: withQuery(pages.rescueAlert, { id: fresh }) })
  }
  useDidShow(() => {
    clearInterval(timer.current)
    timer.current = setInterval(() => void look(), LOOK_EVERY_MS)
  })
  useDidHide(() => clearInterval(timer.current))
}
