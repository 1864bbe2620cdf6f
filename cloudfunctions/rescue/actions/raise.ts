import type { Community } from '@/domain/community/types'
import { todayInChina } from '@/domain/dates'
import { AppError } from '@/domain/errors'
import { haversineMeters, type LatLng } from '@/domain/geo'
import { rescueInputs } from '@/domain/rescue/contract'
import { raisesPerDay } from '@/domain/rescue/rules'
import { collections, db, isDuplicateKey } from '../../_kit/cloud'
import { checkText } from '../../_kit/content-check'
import { action } from '../../_kit/define-function'
import { ownedId } from '../../_kit/ids'
import { wakeJob } from '../../_kit/job-marks'
import { takeSlot } from '../../_kit/rate-limit'
import type { Match } from '@/domain/rescue/rules'
import { alertResponders, findResponders, placesNear } from '../dispatch'
import { alerts, dueOf, findAlert } from '../store'

/** The station nearest the patient: its staff see the alert's figures and its 心理援建 contact is offered. */
async function nearestCommunity(at: LatLng): Promise<string> {
  const { data } = await db.collection(collections.communities).field({ location: true }).limit(100).get<Pick<Community, '_id' | 'location'>>()
  const nearest = data.filter((c) => c.location).sort((a, b) => haversineMeters(at, a.location) - haversineMeters(at, b.location))[0]
  if (!nearest) throw new AppError('INTERNAL', '系统开小差了，请稍后再试')
  return nearest._id
}

/**
 * The note (楼栋/楼层) goes to responders only when the content check passes it; an emergency is
 * never refused over its note, which is dropped instead (the position still guides them).
 */
async function shownNote(openid: string, note: string): Promise<string | null> {
  if (!note) return null
  const verdict = await checkText(openid, note).catch(() => 'rejected' as const)
  return verdict === 'pass' ? note : null
}

/**
 * 紧急呼 (issue #22), raised from the emergency screen after 120 was called (the input requires
 * it): matched responders get it at once. Limited per person (a brand-new account 2 a day);
 * staff may raise a practice alert (drill) for their own community, labelled in every message.
 * The requestId makes a retry find the same alert and alert nobody twice.
 *
 * Seconds matter: the alert (if a retry finds it), the nearest station and the on-duty places
 * around the patient are read beside the caller's own record; the limit, the note's check and
 * the responders' certificates go side by side; then the alert and the rescue job's wake; then
 * every responder's record and message at once.
 */
export const raise = action({
  input: rescueInputs.raise,
  audience: 'anyone',
  async preload({ latitude, longitude, drill, requestId }, openid) {
    const location = { latitude, longitude }
    const [before, nearest, near] = await Promise.all([findAlert(ownedId('ra', `${openid}:${requestId}`)), drill ? null : nearestCommunity(location), placesNear(location)])
    return { before, nearest, near }
  },
  async handler({ latitude, longitude, kind, note, drill, communityId, requestId }, ctx, { before, nearest, near }) {
    if (drill && !communityId) throw new AppError('INVALID_INPUT', '演练请选择社区', { communityId: '演练请选择社区' })
    if (drill) await ctx.requireStaffOf(communityId!)
    const alertId = ownedId('ra', `${ctx.openid}:${requestId}`)
    let alert = before
    let matches: Match[]
    if (!alert) {
      const location = { latitude, longitude }
      const limited = async () => {
        if (drill) return
        const user = await ctx.user()
        const now = new Date()
        await takeSlot(ownedId('rz', `${ctx.openid}:${todayInChina(now)}`), raisesPerDay(user.createdAt, now), '今天发起的紧急呼次数已达上限；请继续按120调度员的指导施救')
      }
      // Nothing is written until the limit lets the alert through.
      const [shown, found] = await Promise.all([shownNote(ctx.openid, note), findResponders(location, { raiser: ctx.openid, widened: false }, near), limited()])
      matches = found
      const raisedAt = new Date()
      const fresh = {
        raiserOpenid: ctx.openid, communityId: drill ? communityId! : nearest!, kind, drill: !!drill, location, note: shown,
        status: 'open' as const, raisedAt, widenedAt: null, closedAt: null, closedBy: null, alerted: matches.length, accepted: 0, patientBy: null, aedBy: null,
        debriefed: false, erased: false,
      }
      alert = { _id: alertId, ...fresh, dueAt: dueOf(fresh) }
      const added = alerts()
        .add({ data: alert })
        .catch((error: unknown) => {
          if (!isDuplicateKey(error)) throw error
        })
      // The scheduler's rescue job sleeps while no alert is owed: an open one wakes it (for its closing and debrief, not its sending).
      await Promise.all([added, wakeJob('rescue')])
    } else {
      if (alert.raiserOpenid !== ctx.openid) throw new AppError('CONFLICT', '请重新发起')
      if (alert.status !== 'open' || !alert.location) return { alertId, alerted: alert.alerted }
      // The places read around this call's position serve only if the retry sent the same one.
      const same = alert.location.latitude === latitude && alert.location.longitude === longitude
      const [found] = await Promise.all([findResponders(alert.location, { raiser: ctx.openid, widened: !!alert.widenedAt }, same ? near : undefined), wakeJob('rescue')])
      matches = found
      if (alert.alerted !== matches.length && !alert.widenedAt) await alerts().where({ _id: alertId, widenedAt: null }).update({ data: { alerted: matches.length } })
    }
    await alertResponders(alert, matches, new Date(alert.raisedAt))
    return { alertId, alerted: matches.length }
  },
  audit: (input, out) => (input.drill && input.communityId ? { communityId: input.communityId, target: out.alertId, summary: '发起紧急呼演练', key: out.alertId } : null),
})
