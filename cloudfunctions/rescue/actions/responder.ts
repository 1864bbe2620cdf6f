import { AppError } from '@/domain/errors'
import { rescueInputs, type ResponderArea, type ResponderMe } from '@/domain/rescue/contract'
import { DEFAULT_RADIUS_METERS, PROFESSIONS } from '@/domain/rescue/rules'
import type { NotifySettingsDoc } from '../../_kit/notify'
import { _, collections, db, isDuplicateKey } from '../../_kit/cloud'
import { changeKey } from '../../_kit/audit'
import { action } from '../../_kit/define-function'
import { isLongTerm } from '../../_kit/notify'
import { point } from '../../aed/aeds'
import { certificatesOf, eligibilityFrom } from '../eligibility'
import { findResponder, placeIds, places, responderId, responders, type MedicRecord, type ResponderDoc } from '../store'

const blank = (openid: string): ResponderDoc => ({ _id: responderId(openid), openid, enrolled: false, consentAt: null, onDuty: false, areas: [], radiusMeters: DEFAULT_RADIUS_METERS, medic: null, answered: 0 })

async function grantsLeft(openid: string): Promise<number> {
  const { data } = await db.collection(collections.subscriptions).where({ _id: openid }).get<NotifySettingsDoc>()
  return data[0]?.grants?.rescue_alert ?? 0
}

/** What 我的紧急呼 is made of: the record, the certificates and the grants, read side by side (beside the caller's own record). */
type Mine = { doc: ResponderDoc | null; certificates: Awaited<ReturnType<typeof certificatesOf>>; grants: number }

async function readMine(openid: string): Promise<Mine> {
  const [doc, certificates, grants] = await Promise.all([findResponder(openid), certificatesOf([openid]), grantsLeft(openid)])
  return { doc, certificates, grants }
}
const preload = (_input: unknown, openid: string) => readMine(openid)

/** 我的紧急呼: eligibility (and why not), settings, the one-time grants left (还可接收 N 次紧急呼). */
function meOf(openid: string, { certificates, grants }: Mine, doc: ResponderDoc): ResponderMe {
  return {
    ...eligibilityFrom(certificates.get(openid) ?? [], !!doc.medic),
    medic: doc.medic ? { profession: doc.medic.profession, verifiedAt: new Date(doc.medic.at).toISOString() } : null,
    enrolled: doc.enrolled,
    onDuty: doc.enrolled && doc.onDuty,
    areas: doc.areas,
    radiusMeters: doc.radiusMeters,
    grantsLeft: grants,
    longTerm: isLongTerm('rescue_alert'),
    answered: doc.answered,
  }
}

/**
 * Writes a change to the person's responder record: an update of the one there, or a new record
 * with it (a concurrent creation loses quietly, and the change is applied to the winner).
 * `existing`: the record as read, or 'unread' (then the update is tried first: most have one).
 */
async function saveResponder(openid: string, existing: ResponderDoc | null | 'unread', change: Partial<ResponderDoc>): Promise<void> {
  const _id = responderId(openid)
  // Objects and lists replace what is there (an object value alone would be merged into it).
  const whole = { ...(change.areas ? { areas: _.set(change.areas) } : {}), ...(change.medic ? { medic: _.set(change.medic) } : {}) }
  const update = async () => (await responders().where({ _id }).update({ data: { ...change, ...whole } })).stats.updated === 1
  if (existing && (await update())) return
  try {
    await responders().add({ data: { ...blank(openid), ...change } })
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
    await update()
  }
}

/**
 * Staff of the volunteer's community record that they saw a medical licence offline (issue #22):
 * who, when, the profession and a note; the volunteer may then enrol as a responder.
 */
export const verifyMedic = action({
  input: rescueInputs.verifyMedic,
  audience: ['staff'],
  preload: async ({ volunteerId }) => (await db.collection(collections.volunteers).where({ _id: volunteerId }).get<{ openid: string; communityId: string; status: string }>()).data[0] ?? null,
  async handler({ volunteerId, profession, note }, ctx, volunteer) {
    if (!volunteer) throw new AppError('NOT_FOUND', '没有找到这位志愿者')
    const staff = await ctx.requireStaffOf(volunteer.communityId)
    // Seeing the licence can come with the registration review itself, so a pending registration may be verified.
    if (volunteer.status === 'rejected') throw new AppError('CONFLICT', '这位志愿者的注册未通过审核')
    const medic: MedicRecord = { profession, note, by: staff._id, at: new Date(), communityId: volunteer.communityId }
    await Promise.all([saveResponder(volunteer.openid, 'unread', { medic }), places().where({ openid: volunteer.openid }).update({ data: { medic: true } })])
    return { volunteerId, profession }
  },
  audit: async (input, out) => {
    const { data } = await db.collection(collections.volunteers).where({ _id: input.volunteerId }).field({ communityId: true }).get<{ communityId: string }>()
    return { communityId: data[0]?.communityId ?? null, target: input.volunteerId, summary: `核验志愿者的医务人员身份（${PROFESSIONS[out.profession]}）`, key: changeKey(input.volunteerId, input) }
  },
})

/** The chosen places as documents of their own (the geo index matches them); slots not chosen are removed in one request. */
async function writePlaces(openid: string, areas: ResponderArea[], radiusMeters: number, onDuty: boolean, medic: boolean): Promise<void> {
  const ids = placeIds(openid)
  const unused = ids.slice(areas.length)
  await Promise.all([
    ...areas.map((area, n) => places().doc(ids[n]).set({ data: { openid, location: point(area.latitude, area.longitude), radiusMeters, onDuty, medic } })),
    unused.length ? places().where({ _id: _.in(unused) }).remove() : null,
  ])
}

/**
 * Enrolment: separate, explicit consent (PIPL 第二十九条: whereabouts are sensitive information),
 * 1–3 places the person chooses (WeChat allows no background location for this category), a
 * radius of at most 2 km; on duty from the start. Only an eligible person may enrol. The record
 * and the places are written side by side; the answer is the record as written.
 */
export const enrol = action({
  input: rescueInputs.enrol,
  audience: 'anyone',
  preload,
  async handler({ areas, radiusMeters }, ctx, mine) {
    const medic = !!mine.doc?.medic
    const eligibility = eligibilityFrom(mine.certificates.get(ctx.openid) ?? [], medic)
    if (!eligibility.eligible) throw new AppError('FORBIDDEN', eligibility.why ?? '暂时不能参加紧急呼')
    const change = { enrolled: true, consentAt: new Date(), onDuty: true, areas, radiusMeters }
    await Promise.all([saveResponder(ctx.openid, mine.doc, change), writePlaces(ctx.openid, areas, radiusMeters, true, medic)])
    return meOf(ctx.openid, mine, { ...(mine.doc ?? blank(ctx.openid)), ...change })
  },
})

/** The on-duty switch: off, no alert reaches them. */
export const duty = action({
  input: rescueInputs.duty,
  audience: 'anyone',
  preload,
  async handler({ onDuty }, ctx, mine) {
    const doc = mine.doc
    if (!doc?.enrolled) throw new AppError('CONFLICT', '请先加入紧急呼')
    await Promise.all([responders().where({ _id: doc._id }).update({ data: { onDuty } }), places().where({ openid: ctx.openid }).update({ data: { onDuty } })])
    return meOf(ctx.openid, mine, { ...doc, onDuty })
  },
})

/** Withdrawing consent: the chosen places are deleted at once; a staff verification stays. */
export const leave = action({
  input: rescueInputs.leave,
  audience: 'anyone',
  preload,
  async handler(_input, ctx, mine) {
    const doc = mine.doc ?? blank(ctx.openid)
    if (!doc.enrolled) return meOf(ctx.openid, mine, doc)
    const change = { enrolled: false, onDuty: false, consentAt: null, areas: [] }
    await Promise.all([responders().where({ _id: doc._id }).update({ data: { ...change, areas: _.set([]) } }), places().where({ openid: ctx.openid }).remove()])
    return meOf(ctx.openid, mine, { ...doc, ...change })
  },
})

export const me = action({
  input: rescueInputs.me,
  audience: 'anyone',
  preload,
  handler: async (_input, ctx, mine) => meOf(ctx.openid, mine, mine.doc ?? blank(ctx.openid)),
})
