import { AppError } from '@/domain/errors'
import { rescueInputs } from '@/domain/rescue/contract'
import { chooseRole, type RescueRole } from '@/domain/rescue/rules'
import { _ } from '../../_kit/cloud'
import { action, type ActionContext } from '../../_kit/define-function'
import { notify } from '../../_kit/notify'
import { aedsNear, type RescueAed } from '../aeds'
import { closeAlert, settle } from '../lifecycle'
import { alerts, findAlert, findRecipient, places, placeIds, recipientId, recipients, requireAlert, responders, responderId, type AlertDoc, type PlaceDoc, type RecipientDoc } from '../store'
import { acceptersWithPeople, viewOf } from '../view'

/** The alert and the caller's part in it, read side by side (and beside the caller's own record). */
type Loaded = { alert: AlertDoc | null; recipient: RecipientDoc | null }

async function load(alertId: string, openid: string): Promise<Loaded> {
  const [alert, recipient] = await Promise.all([findAlert(alertId), findRecipient(alertId, openid)])
  return { alert, recipient }
}

/** The alert, settled (widened / closed when due), and the caller's part in it; NOT_FOUND for anyone else. */
async function mineOf({ alert: found, recipient }: Loaded, ctx: ActionContext) {
  if (!found) throw new AppError('NOT_FOUND', '没有找到这条呼救')
  const alert = await settle(found)
  const isRaiser = !!alert.raiserOpenid && alert.raiserOpenid === ctx.openid
  // Nobody else learns even that it exists.
  if (!isRaiser && !recipient) throw new AppError('NOT_FOUND', '没有找到这条呼救')
  return { alert, recipient, isRaiser }
}

const preload = ({ alertId }: { alertId: string }, openid: string) => load(alertId, openid)

export const get = action({
  input: rescueInputs.get,
  audience: 'anyone',
  preload,
  async handler(_input, ctx, loaded) {
    const { alert, recipient } = await mineOf(loaded, ctx)
    return viewOf(alert, { openid: ctx.openid, recipient })
  },
})

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

type Role = { role: RescueRole; aedId: string | null }
const PATIENT: Role = { role: 'patient', aedId: null }

/** Takes a role on the alert, only while nobody holds it (one conditional update). */
const claim = async (alertId: string, field: 'patientBy' | 'aedBy', me: string) => (await alerts().where({ _id: alertId, [field]: null }).update({ data: { [field]: me } })).stats.updated === 1

/**
 * The role of an accepter, claimed atomically on the alert: the first to take `patientBy` goes to
 * the patient; a later one nearer to a ready, open AED than to the patient takes `aedBy`; the
 * rest help at the patient. A retry finds its own claim again. A role the alert read before
 * shows taken is not tried; `place` (when the patient was taken already) and `aeds` were read
 * beside the accept.
 */
async function claimRole(alert: AlertDoc, me: RecipientDoc, openid: string, place: Promise<PlaceDoc | null> | null, aeds: Promise<RescueAed[]> | null): Promise<Role> {
  let now = alert
  if (!now.patientBy) {
    if (await claim(alert._id, 'patientBy', me._id)) return PATIENT
    // Taken meanwhile, by someone else or by this person's other tap: the alert as it is now says which.
    now = await requireAlert(alert._id)
  }
  if (now.patientBy === me._id) return PATIENT
  if (now.aedBy === me._id) return { role: 'aed', aedId: me.aedId }
  const [mine, near] = await Promise.all([place ?? placeOf(openid, alert.location), aeds ?? []])
  if (!now.aedBy && mine && alert.location) {
    const decided = chooseRole({ first: false, aedTaken: false, accepter: mine.location, patient: alert.location, aeds: near })
    // Lost: to someone else, or to this person's other tap (then it is theirs after all).
    if (decided.aed && ((await claim(alert._id, 'aedBy', me._id)) || (await requireAlert(alert._id)).aedBy === me._id)) return { role: 'aed', aedId: decided.aed._id }
  }
  return { role: 'support', aedId: null }
}

/** The alert as this accept left it: counted, and the role it took marked as taken. */
function afterAccept(alert: AlertDoc, me: RecipientDoc, counted: boolean, { role }: Role): AlertDoc {
  return {
    ...alert,
    accepted: alert.accepted + (counted ? 1 : 0),
    patientBy: role === 'patient' ? me._id : alert.patientBy,
    aedBy: role === 'aed' ? me._id : alert.aedBy,
  }
}

/**
 * Accept or decline. An accept is recorded once (a conditional update), counted on the alert and
 * the responder, then given its role; the role message goes once, by the update that sets it.
 * The AEDs near the patient (for the role and the answer), the accepter's places and the
 * accepters shown are read beside those writes, not after them.
 */
export const respond = action({
  input: rescueInputs.respond,
  audience: 'anyone',
  preload,
  async handler({ alertId, answer }, ctx, loaded) {
    const { alert, recipient } = await mineOf(loaded, ctx)
    if (!recipient) throw new AppError('FORBIDDEN', '这条呼救没有发给您')
    if (alert.status !== 'open') throw new AppError('CONFLICT', '这条呼救已经结束，谢谢您')
    const now = new Date()
    const reread = async () => (await findRecipient(alertId, ctx.openid))!
    if (answer === 'decline') {
      const { stats } = await recipients().where({ _id: recipient._id, answer: 'alerted' }).update({ data: { answer: 'declined', answeredAt: now } })
      const mine = stats.updated === 1 ? { ...recipient, answer: 'declined' as const, answeredAt: now } : await reread()
      return viewOf(alert, { openid: ctx.openid, recipient: mine })
    }
    const aeds = !alert.aedBy && alert.location ? aedsNear(alert.location) : null
    // The accepter's place decides only an AED role: read now when the patient is taken already.
    const place = !recipient.role && alert.patientBy ? placeOf(ctx.openid, alert.location) : null
    // Awaited below; a failure before then is the action's failure, not an unhandled one.
    aeds?.catch(() => undefined)
    place?.catch(() => undefined)
    const { stats } = await recipients().where({ _id: recipient._id, answer: _.in(['alerted', 'declined']) }).update({ data: { answer: 'accepted', answeredAt: now } })
    const counted = stats.updated === 1
    let mine: RecipientDoc = counted ? { ...recipient, answer: 'accepted', answeredAt: now } : recipient.answer === 'accepted' ? recipient : await reread()
    const people = acceptersWithPeople(alertId)
    people.catch(() => undefined)
    const [role] = await Promise.all([
      mine.role ? { role: mine.role, aedId: mine.aedId } : claimRole(alert, mine, ctx.openid, place, aeds),
      counted && alerts().where({ _id: alertId }).update({ data: { accepted: _.inc(1) } }),
      counted && responders().where({ _id: responderId(ctx.openid) }).update({ data: { answered: _.inc(1) } }),
    ])
    if (!mine.role) {
      const set = await recipients().where({ _id: mine._id, role: null }).update({ data: role })
      if (set.stats.updated === 1) {
        mine = { ...mine, ...role }
        await notify(ctx.openid, 'rescue_alert', { alertId, kind: alert.kind, drill: alert.drill, step: 'role', role: role.role, at: now }, { groupId: `${mine._id}-role` })
      } else mine = await reread()
    }
    return viewOf(afterAccept(alert, mine, counted, mine.role ? { role: mine.role, aedId: mine.aedId } : role), { openid: ctx.openid, recipient: mine }, { aeds, people })
  },
})

/**
 * 已取到AED / 已到达, by an accepter; the first arrival is the accepters' earliest (figuresOf).
 * The step is written on the condition that the caller accepted (and set it not yet), so their
 * part is not read first: it comes back with the accepters the answer shows, read beside the AEDs.
 */
export const progress = action({
  input: rescueInputs.progress,
  audience: 'anyone',
  preload: async ({ alertId }) => ({ alert: await findAlert(alertId), recipient: null }),
  async handler({ alertId, step }, ctx, loaded) {
    if (!loaded.alert) throw new AppError('NOT_FOUND', '没有找到这条呼救')
    const alert = await settle(loaded.alert)
    const field = step === 'aed_fetched' ? 'aedFetchedAt' : 'arrivedAt'
    const myId = recipientId(alertId, ctx.openid)
    if (alert.status === 'open') {
      const { stats } = await recipients().where({ _id: myId, answer: 'accepted', [field]: null }).update({ data: { [field]: new Date() } })
      if (stats.updated === 1) {
        // An AED is named to bystanders while nobody fetches one, and to the one who does.
        const aeds = alert.location && (!alert.aedBy || alert.aedBy === myId) ? aedsNear(alert.location) : null
        aeds?.catch(() => undefined)
        const people = await acceptersWithPeople(alertId)
        const mine = people.accepted.find((r) => r._id === myId) ?? null
        return viewOf(alert, { openid: ctx.openid, recipient: mine }, { aeds, people: Promise.resolve(people) })
      }
    }
    // Not written: why, from the caller's part (a stranger, not an accepter, closed, or set already).
    const { recipient } = await mineOf({ alert, recipient: await findRecipient(alertId, ctx.openid) }, ctx)
    if (recipient?.answer !== 'accepted') throw new AppError('FORBIDDEN', '接受呼救后才能更新进展')
    if (alert.status !== 'open') throw new AppError('CONFLICT', '这条呼救已经结束')
    return viewOf(alert, { openid: ctx.openid, recipient })
  },
})

/** 结束, by the person who raised it (with what happened); a second close changes nothing. */
export const close = action({
  input: rescueInputs.close,
  audience: 'anyone',
  preload,
  async handler({ alertId, outcome }, ctx, loaded) {
    const { alert, recipient, isRaiser } = await mineOf(loaded, ctx)
    if (!isRaiser) throw new AppError('FORBIDDEN', '只有发起人可以结束呼救')
    if (alert.status !== 'open') return viewOf(alert, { openid: ctx.openid, recipient })
    const at = new Date()
    // Closed by this call, or by the alert itself a moment before: then as it stands.
    const closed = (await closeAlert(alert, outcome, at)) ? { ...alert, status: 'closed' as const, closedAt: at, closedBy: outcome } : await requireAlert(alertId)
    return viewOf(closed, { openid: ctx.openid, recipient })
  },
})

/** The accepter's three answers after closing (arrived before 120?, CPR given?, AED used?), once. */
export const debrief = action({
  input: rescueInputs.debrief,
  audience: 'anyone',
  preload,
  async handler({ arrivedBefore120, cprGiven, aedUsed }, ctx, loaded) {
    const { alert, recipient } = await mineOf(loaded, ctx)
    if (recipient?.answer !== 'accepted') throw new AppError('FORBIDDEN', '只有接受呼救的救护员填写回访')
    if (alert.status !== 'closed') throw new AppError('CONFLICT', '呼救结束后再填写回访')
    const answers = { arrivedBefore120, cprGiven, aedUsed, at: new Date() }
    // Once: answers given before stay.
    if (!recipient.debrief) await recipients().where({ _id: recipient._id, debrief: null }).update({ data: { debrief: _.set(answers) } })
    return viewOf(alert, { openid: ctx.openid, recipient: { ...recipient, debrief: recipient.debrief ?? answers } })
  },
})
