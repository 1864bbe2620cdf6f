import { AppError } from '@/domain/errors'
import { rescueInputs } from '@/domain/rescue/contract'
import { chooseRole, type RescueRole } from '@/domain/rescue/rules'
import { _ } from '../../_kit/cloud'
import { action, type ActionContext } from '../../_kit/define-function'
import { notify } from '../../_kit/notify'
import { aedsNear } from '../aeds'
import { closeAlert, settle } from '../lifecycle'
import { alerts, findRecipient, places, placeIds, recipients, requireAlert, responders, responderId, type AlertDoc, type PlaceDoc, type RecipientDoc } from '../store'
import { viewOf } from '../view'

/** The alert, settled (widened / closed when due), and the caller's part in it; NOT_FOUND for anyone else. */
async function mineOf(alertId: string, ctx: ActionContext) {
  const alert = await settle(await requireAlert(alertId))
  const recipient = await findRecipient(alertId, ctx.openid)
  const isRaiser = !!alert.raiserOpenid && alert.raiserOpenid === ctx.openid
  // Nobody else learns even that it exists.
  if (!isRaiser && !recipient) throw new AppError('NOT_FOUND', '没有找到这条呼救')
  return { alert, recipient, isRaiser }
}

const show = async (alertId: string, ctx: ActionContext) => {
  const { alert, recipient } = await mineOf(alertId, ctx)
  return viewOf(alert, { openid: ctx.openid, recipient })
}

export const get = action({ input: rescueInputs.get, audience: 'anyone', handler: ({ alertId }, ctx) => show(alertId, ctx) })

/** Alerts waiting for the caller's answer: an alert reaches a responder with the app open within 5 s (issue #22). */
export const pending = action({
  input: rescueInputs.pending,
  audience: 'anyone',
  async handler(_input, ctx) {
    const { data } = await recipients().where({ openid: ctx.openid, answer: 'alerted' }).orderBy('alertedAt', 'desc').limit(5).field({ alertId: true }).get<Pick<RecipientDoc, 'alertId'>>()
    if (!data.length) return { alertIds: [] }
    const { data: open } = await alerts().where({ _id: _.in(data.map((r) => r.alertId)), status: 'open' }).field({ _id: true }).get<Pick<AlertDoc, '_id'>>()
    const isOpen = new Set(open.map((a) => a._id))
    return { alertIds: data.map((r) => r.alertId).filter((id) => isOpen.has(id)) }
  },
})

/** The accepter's chosen place nearest the patient (never shown; it decides the AED role). */
async function placeOf(openid: string, patient: AlertDoc['location']): Promise<PlaceDoc | null> {
  const { data } = await places().where({ _id: _.in(placeIds(openid)) }).get<PlaceDoc>()
  if (!patient) return data[0] ?? null
  const far = (p: PlaceDoc) => (p.location.latitude - patient.latitude) ** 2 + (p.location.longitude - patient.longitude) ** 2
  return data.sort((a, b) => far(a) - far(b))[0] ?? null
}

/**
 * The role of an accepter, claimed atomically on the alert: the first to take `patientBy` goes to
 * the patient; a later one nearer to a ready, open AED than to the patient takes `aedBy`; the
 * rest help at the patient. A retry finds its own claim again.
 */
async function claimRole(alert: AlertDoc, me: RecipientDoc, openid: string): Promise<{ role: RescueRole; aedId: string | null }> {
  if (alert.patientBy === me._id) return { role: 'patient', aedId: null }
  if ((await alerts().where({ _id: alert._id, patientBy: null }).update({ data: { patientBy: me._id } })).stats.updated === 1) return { role: 'patient', aedId: null }
  const fresh = await requireAlert(alert._id)
  if (fresh.patientBy === me._id) return { role: 'patient', aedId: null }
  if (fresh.aedBy === me._id) return { role: 'aed', aedId: me.aedId }
  const place = await placeOf(openid, alert.location)
  if (!fresh.aedBy && place && alert.location) {
    const decided = chooseRole({ first: false, aedTaken: false, accepter: place.location, patient: alert.location, aeds: await aedsNear(alert.location) })
    if (decided.aed && (await alerts().where({ _id: alert._id, aedBy: null }).update({ data: { aedBy: me._id } })).stats.updated === 1) {
      return { role: 'aed', aedId: decided.aed._id }
    }
  }
  return { role: 'support', aedId: null }
}

/**
 * Accept or decline. An accept is recorded once (a conditional update), counted on the alert and
 * the responder, then given its role; the role message goes once, by the update that sets it.
 */
export const respond = action({
  input: rescueInputs.respond,
  audience: 'anyone',
  async handler({ alertId, answer }, ctx) {
    const { alert, recipient } = await mineOf(alertId, ctx)
    if (!recipient) throw new AppError('FORBIDDEN', '这条呼救没有发给您')
    if (alert.status !== 'open') throw new AppError('CONFLICT', '这条呼救已经结束，谢谢您')
    const now = new Date()
    if (answer === 'decline') {
      await recipients().where({ _id: recipient._id, answer: 'alerted' }).update({ data: { answer: 'declined', answeredAt: now } })
    } else {
      const { stats } = await recipients().where({ _id: recipient._id, answer: _.in(['alerted', 'declined']) }).update({ data: { answer: 'accepted', answeredAt: now } })
      if (stats.updated === 1) {
        await alerts().where({ _id: alertId }).update({ data: { accepted: _.inc(1) } })
        await alerts().where({ _id: alertId, firstAcceptAt: null }).update({ data: { firstAcceptAt: now } })
        await responders().where({ _id: responderId(ctx.openid) }).update({ data: { answered: _.inc(1) } })
      }
      const mine = (await findRecipient(alertId, ctx.openid))!
      if (!mine.role) {
        const { role, aedId } = await claimRole(alert, mine, ctx.openid)
        const set = await recipients().where({ _id: mine._id, role: null }).update({ data: { role, aedId } })
        if (set.stats.updated === 1) await notify(ctx.openid, 'rescue_alert', { alertId, kind: alert.kind, drill: alert.drill, step: 'role', role, at: now }, { groupId: `${mine._id}-role` })
      }
    }
    return show(alertId, ctx)
  },
})

/** 已取到AED / 已到达, by an accepter; the first arrival is the alert's figure. */
export const progress = action({
  input: rescueInputs.progress,
  audience: 'anyone',
  async handler({ alertId, step }, ctx) {
    const { alert, recipient } = await mineOf(alertId, ctx)
    if (recipient?.answer !== 'accepted') throw new AppError('FORBIDDEN', '接受呼救后才能更新进展')
    if (alert.status !== 'open') throw new AppError('CONFLICT', '这条呼救已经结束')
    const now = new Date()
    const field = step === 'aed_fetched' ? 'aedFetchedAt' : 'arrivedAt'
    await recipients().where({ _id: recipient._id, [field]: null }).update({ data: { [field]: now } })
    if (step === 'arrived') await alerts().where({ _id: alertId, firstArrivalAt: null }).update({ data: { firstArrivalAt: now } })
    return show(alertId, ctx)
  },
})

/** 结束, by the person who raised it (with what happened); a second close changes nothing. */
export const close = action({
  input: rescueInputs.close,
  audience: 'anyone',
  async handler({ alertId, outcome }, ctx) {
    const { alert, isRaiser } = await mineOf(alertId, ctx)
    if (!isRaiser) throw new AppError('FORBIDDEN', '只有发起人可以结束呼救')
    if (alert.status === 'open') await closeAlert(alert, outcome, new Date())
    return show(alertId, ctx)
  },
})

/** The accepter's three answers after closing (arrived before 120?, CPR given?, AED used?), once. */
export const debrief = action({
  input: rescueInputs.debrief,
  audience: 'anyone',
  async handler({ alertId, arrivedBefore120, cprGiven, aedUsed }, ctx) {
    const { alert, recipient } = await mineOf(alertId, ctx)
    if (recipient?.answer !== 'accepted') throw new AppError('FORBIDDEN', '只有接受呼救的救护员填写回访')
    if (alert.status !== 'closed') throw new AppError('CONFLICT', '呼救结束后再填写回访')
    await recipients().where({ _id: recipient._id, debrief: null }).update({ data: { debrief: _.set({ arrivedBefore120, cprGiven, aedUsed, at: new Date() }) } })
    return show(alertId, ctx)
  },
})
