import Taro, { useDidHide, useDidShow } from '@tarojs/taro'
import { useRef } from 'react'
import { pages, withQuery } from '@/routes'
import { onDutyHere, rescueService } from '@/services/rescue'

/** Issue #22: with the app open, an alert appears within 5 s. */
const LOOK_EVERY_MS = 5000

/**
 * While the app is in front and its person is an on-duty responder, looks every 5 s for alerts and
 * opens the newest unanswered one once. A look reads the public count of alerts sent (one database
 * read, no function call); only when it has moved since the last look, or on coming to the front,
 * does the app ask the `rescue` function which alerts are the person's (#25: 12 calls a minute per
 * responder otherwise). Nothing runs in the background or for anyone else; the inbox and the
 * subscribe message reach them otherwise.
 */
export function useRescueWatch(): void {
  const timer = useRef<ReturnType<typeof setInterval>>()
  const shown = useRef(new Set<string>())
  // The count seen at the last look, and how many looks still ask the function.
  const seen = useRef<number | null>(null)
  const asks = useRef(0)
  const openNewest = async () => {
    const { alertIds } = await rescueService.pending().catch(() => ({ alertIds: [] as string[] }))
    const fresh = alertIds.find((id) => !shown.current.has(id))
    if (!fresh) return
    shown.current.add(fresh)
    const stack = Taro.getCurrentPages()
    const current = stack[stack.length - 1]
    if (current?.route && pages.rescueAlert.endsWith(current.route) && current.options?.id === fresh) return
    void Taro.navigateTo({ url: withQuery(pages.rescueAlert, { id: fresh }) })
  }
  const look = async () => {
    if (!onDutyHere()) return
    // Unreadable, the count counts as moved: an emergency cannot wait for the network to settle.
    const sent = await rescueService.alertsSent().catch(() => null)
    // The count moves beside the recipients' records, not after them: this look and the next ask.
    if (sent === null || sent !== seen.current) asks.current = 2
    seen.current = sent
    if (asks.current === 0) return
    asks.current -= 1
    await openNewest()
  }
  useDidShow(() => {
    clearInterval(timer.current)
    // Back in front: ask at once, whatever the count.
    seen.current = null
    void look()
    timer.current = setInterval(() => void look(), LOOK_EVERY_MS)
  })
  useDidHide(() => clearInterval(timer.current))
}
