import { AppError } from '@/domain/errors'
import { rescueInputs, type ResponderArea, type ResponderMe } from '@/domain/rescue/contract'
import { DEFAULT_RADIUS_METERS, PROFESSIONS } from '@/domain/rescue/rules'
import type { NotifySettingsDoc } from '../../_kit/notify'
import { _, collections, db, isDuplicateKey } from '../../_kit/cloud'
import { changeKey } from '../../_kit/audit'
import { action } from '../../_kit/define-function'
import { isLongTerm } from '../../_kit/notify'
import { point } from '../../aed/aeds'
import { eligibilityOfPerson } from '../eligibility'
import { findResponder, placeIds, places, responderId, responders, type MedicRecord, type ResponderDoc } from '../store'

const blank = (openid: string): ResponderDoc => ({ _id: responderId(openid), openid, enrolled: false, consentAt: null, onDuty: false, areas: [], radiusMeters: DEFAULT_RADIUS_METERS, medic: null, answered: 0 })

/** The person's responder record, created empty on first need (a concurrent creation loses quietly). */
async function ensureResponder(openid: string): Promise<void> {
  try {
    await responders().add({ data: blank(openid) })
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
  }
}

async function grantsLeft(openid: string): Promise<number> {
  const { data } = await db.collection(collections.subscriptions).where({ _id: openid }).get<NotifySettingsDoc>()
  return data[0]?.grants?.rescue_alert ?? 0
}

/** 我的紧急呼: eligibility (and why not), settings, the one-time grants left (还可接收 N 次紧急呼). */
async function meOf(openid: string): Promise<ResponderMe> {
  const doc = (await findResponder(openid)) ?? blank(openid)
  const [eligibility, grants] = await Promise.all([eligibilityOfPerson(openid, !!doc.medic), grantsLeft(openid)])
  return {
    ...eligibility,
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
 * Staff of the volunteer's community record that they saw a medical licence offline (issue #22):
 * who, when, the profession and a note; the volunteer may then enrol as a responder.
 */
export const verifyMedic = action({
  input: rescueInputs.verifyMedic,
  audience: ['staff'],
  async handler({ volunteerId, profession, note }, ctx) {
    const { data } = await db.collection(collections.volunteers).where({ _id: volunteerId }).get<{ openid: string; communityId: string; status: string }>()
    const volunteer = data[0]
    if (!volunteer) throw new AppError('NOT_FOUND', '没有找到这位志愿者')
    const staff = await ctx.requireStaffOf(volunteer.communityId)
    // Seeing the licence can come with the registration review itself, so a pending registration may be verified.
    if (volunteer.status === 'rejected') throw new AppError('CONFLICT', '这位志愿者的注册未通过审核')
    const medic: MedicRecord = { profession, note, by: staff._id, at: new Date(), communityId: volunteer.communityId }
    await ensureResponder(volunteer.openid)
    await responders().where({ _id: responderId(volunteer.openid) }).update({ data: { medic: _.set(medic) } })
    await places().where({ openid: volunteer.openid }).update({ data: { medic: true } })
    return { volunteerId, profession }
  },
  audit: async (input, out) => {
    const { data } = await db.collection(collections.volunteers).where({ _id: input.volunteerId }).field({ communityId: true }).get<{ communityId: string }>()
    return { communityId: data[0]?.communityId ?? null, target: input.volunteerId, summary: `核验志愿者的医务人员身份（${PROFESSIONS[out.profession]}）`, key: changeKey(input.volunteerId, input) }
  },
})

async function writePlaces(openid: string, areas: ResponderArea[], radiusMeters: number, onDuty: boolean, medic: boolean): Promise<void> {
  const ids = placeIds(openid)
  await Promise.all(
    ids.map((id, n) => {
      const area = areas[n]
      if (!area) return places().doc(id).remove()
      return places().doc(id).set({ data: { openid, location: point(area.latitude, area.longitude), radiusMeters, onDuty, medic } })
    }),
  )
}

/**
 * Enrolment: separate, explicit consent (PIPL 第二十九条: whereabouts are sensitive information),
 * 1–3 places the person chooses (WeChat allows no background location for this category), a
 * radius of at most 2 km; on duty from the start. Only an eligible person may enrol.
 */
export const enrol = action({
  input: rescueInputs.enrol,
  audience: 'anyone',
  async handler({ areas, radiusMeters }, ctx) {
    const existing = await findResponder(ctx.openid)
    const eligibility = await eligibilityOfPerson(ctx.openid, !!existing?.medic)
    if (!eligibility.eligible) throw new AppError('FORBIDDEN', eligibility.why ?? '暂时不能参加紧急呼')
    await ensureResponder(ctx.openid)
    await responders().where({ _id: responderId(ctx.openid) }).update({ data: { enrolled: true, consentAt: new Date(), onDuty: true, areas: _.set(areas), radiusMeters } })
    await writePlaces(ctx.openid, areas, radiusMeters, true, !!existing?.medic)
    return meOf(ctx.openid)
  },
})

/** The on-duty switch: off, no alert reaches them. */
export const duty = action({
  input: rescueInputs.duty,
  audience: 'anyone',
  async handler({ onDuty }, ctx) {
    const doc = await findResponder(ctx.openid)
    if (!doc?.enrolled) throw new AppError('CONFLICT', '请先加入紧急呼')
    await responders().where({ _id: doc._id }).update({ data: { onDuty } })
    await places().where({ openid: ctx.openid }).update({ data: { onDuty } })
    return meOf(ctx.openid)
  },
})

/** Withdrawing consent: the chosen places are deleted at once; a staff verification stays. */
export const leave = action({
  input: rescueInputs.leave,
  audience: 'anyone',
  async handler(_input, ctx) {
    const doc = await findResponder(ctx.openid)
    if (doc?.enrolled) {
      await responders().where({ _id: doc._id }).update({ data: { enrolled: false, onDuty: false, consentAt: null, areas: _.set([]) } })
      await places().where({ openid: ctx.openid }).remove()
    }
    return meOf(ctx.openid)
  },
})

export const me = action({
  input: rescueInputs.me,
  audience: 'anyone',
  handler: (_input, ctx) => meOf(ctx.openid),
})
