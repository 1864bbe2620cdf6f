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
import { alertResponders, findResponders } from '../dispatch'
import { alerts, dueOf, type AlertDoc } from '../store'

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
 */
export const raise = action({
  input: rescueInputs.raise,
  audience: 'anyone',
  async handler({ latitude, longitude, kind, note, drill, communityId, requestId }, ctx) {
    if (drill && !communityId) throw new AppError('INVALID_INPUT', '演练请选择社区', { communityId: '演练请选择社区' })
    if (drill) await ctx.requireStaffOf(communityId!)
    const alertId = ownedId('ra', `${ctx.openid}:${requestId}`)
    const { data: before } = await alerts().where({ _id: alertId }).get<AlertDoc>()
    let alert = before[0]
    if (!alert) {
      if (!drill) {
        const user = await ctx.user()
        const now = new Date()
        await takeSlot(ownedId('rz', `${ctx.openid}:${todayInChina(now)}`), raisesPerDay(user.createdAt, now), '今天发起的紧急呼次数已达上限；请继续按120调度员的指导施救')
      }
      const location = { latitude, longitude }
      const raisedAt = new Date()
      const fresh = {
        raiserOpenid: ctx.openid, communityId: drill ? communityId! : await nearestCommunity(location), kind, drill: !!drill, location, note: await shownNote(ctx.openid, note),
        status: 'open' as const, raisedAt, widenedAt: null, closedAt: null, closedBy: null, alerted: 0, accepted: 0, patientBy: null, aedBy: null,
        firstAcceptAt: null, firstArrivalAt: null, debriefed: false, erased: false,
      }
      alert = { _id: alertId, ...fresh, dueAt: dueOf(fresh) }
      try {
        await alerts().add({ data: alert })
      } catch (error) {
        if (!isDuplicateKey(error)) throw error
      }
    }
    if (alert.raiserOpenid !== ctx.openid) throw new AppError('CONFLICT', '请重新发起')
    if (alert.status !== 'open' || !alert.location) return { alertId, alerted: alert.alerted }
    // The scheduler's rescue job sleeps while no alert is owed: an open one wakes it (a retry wakes it again, harmlessly).
    const [matches] = await Promise.all([findResponders(alert.location, { raiser: ctx.openid, widened: !!alert.widenedAt }), wakeJob('rescue')])
    await alertResponders(alert, matches, new Date(alert.raisedAt))
    if (alert.alerted !== matches.length && !alert.widenedAt) await alerts().where({ _id: alertId, widenedAt: null }).update({ data: { alerted: matches.length } })
    return { alertId, alerted: matches.length }
  },
  audit: (input, out) => (input.drill && input.communityId ? { communityId: input.communityId, target: out.alertId, summary: '发起紧急呼演练', key: out.alertId } : null),
})
