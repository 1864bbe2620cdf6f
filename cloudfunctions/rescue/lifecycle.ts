import { AUTO_CLOSE_MS, AUTO_CLOSED, MAX_ALERTED, WIDEN_AFTER_MS, type ClosedBy } from '@/domain/rescue/rules'
import { _ } from '../_kit/cloud'
import { alertResponders, findResponders } from './dispatch'
import { alerts, dueOf, recipients, type AlertDoc, type RecipientDoc } from './store'

/**
 * Closes an open alert (by its raiser, or itself after 60 minutes): one conditional update, so a
 * second close changes nothing. What the scheduler owes it next (the debrief) is set with it.
 */
export async function closeAlert(alert: AlertDoc, closedBy: ClosedBy, at: Date): Promise<boolean> {
  const closed = { status: 'closed' as const, closedAt: at, closedBy }
  const { stats } = await alerts().where({ _id: alert._id, status: 'open' }).update({ data: { ...closed, dueAt: dueOf({ ...alert, ...closed }) } })
  return stats.updated === 1
}

/**
 * What is due on reading an alert, decided lazily so no timer has to run every few seconds:
 * after 60 minutes it closes itself; after 90 s without an accept the radius widens once to 2 km
 * (issue #22), by whoever reads it first (the raiser's page reads every 5 s). Answers the alert
 * as it now stands.
 */
export async function settle(alert: AlertDoc, now = new Date()): Promise<AlertDoc> {
  if (alert.status !== 'open') return alert
  const age = now.getTime() - new Date(alert.raisedAt).getTime()
  if (age >= AUTO_CLOSE_MS) {
    await closeAlert(alert, AUTO_CLOSED, now)
    return reread(alert._id)
  }
  if (age >= WIDEN_AFTER_MS && !alert.widenedAt && alert.accepted === 0 && alert.location && alert.raiserOpenid) {
    // Only the reader whose update wins widens it; everyone else sees the result.
    const { stats } = await alerts().where({ _id: alert._id, widenedAt: null, accepted: 0 }).update({ data: { widenedAt: now } })
    if (stats.updated === 1) await widen(alert, now)
    return reread(alert._id)
  }
  return alert
}

async function widen(alert: AlertDoc, now: Date): Promise<void> {
  const { data } = await recipients().where({ alertId: alert._id }).field({ openid: true }).limit(100).get<Pick<RecipientDoc, 'openid'>>()
  const exclude = new Set(data.map((r) => r.openid).filter((openid): openid is string => !!openid))
  const more = await findResponders(alert.location!, { raiser: alert.raiserOpenid!, widened: true, exclude })
  const room = more.slice(0, Math.max(0, MAX_ALERTED - exclude.size))
  if (!room.length) return
  await alertResponders(alert, room, now)
  await alerts().where({ _id: alert._id }).update({ data: { alerted: _.inc(room.length) } })
}

async function reread(alertId: string): Promise<AlertDoc> {
  const { data } = await alerts().where({ _id: alertId }).get<AlertDoc>()
  return data[0]
}

/** Seconds between two moments, or null. */
export const secondsBetween = (from: Date | null, to: Date | null): number | null =>
  from && to ? Math.round((new Date(to).getTime() - new Date(from).getTime()) / 1000) : null
