import type { ApplicationStatus, Gender, Guardian } from '@/domain/member/application'
import type { ApplicationView, MemberCard, TimelineEntry } from '@/domain/member/contract'
import { todayInChina } from '@/domain/dates'
import { isYouth } from '@/domain/member/age'
import { maskPhone } from '@/domain/privacy'
import { _, collections, db } from '../_kit/cloud'
import { toIso } from '../_kit/dates'
import { openId, type SealedId } from './id-vault'

/**
 * The `applications` document. The ID number is kept only sealed (`id-vault.ts`); responses
 * carry the masked form unless staff of the community open it, and every such view is recorded.
 */
export type ApplicationDoc = SealedId & {
  _id: string
  openid: string
  status: ApplicationStatus
  name: string
  gender: Gender
  birthDate: string
  phone: string
  communityId: string
  address: string
  guardian: Guardian | null
  memberNo: string | null
  joinedAt: string | null
  validUntil: string | null
  rejectReason: string | null
  history: Array<{ at: Date; action: TimelineEntry['action']; by: string; byName: string; reason?: string }>
  submittedAt: Date
  /** Each time staff opened the full ID number: who and when (the applicant sees these). */
  idViews?: Array<{ at: Date; by: string; byName: string }>
}

export const applications = () => db.collection(collections.applications)

export async function findApplication(criteria: Record<string, unknown>): Promise<ApplicationDoc | null> {
  const { data } = await applications().where(criteria).limit(1).get<ApplicationDoc>()
  return data[0] ?? null
}

/** Who may see what: full ID only for staff of the applicant's community; phones masked in lists. */
export type Reveal = { idNumber: boolean; phone: boolean }

export function toView(doc: ApplicationDoc, communityName: string, reveal: Reveal): ApplicationView {
  return {
    _id: doc._id,
    status: doc.status,
    name: doc.name,
    gender: doc.gender,
    birthDate: doc.birthDate,
    idNumber: reveal.idNumber && doc.idCipher ? openId(doc.idCipher) : doc.idMasked,
    idViews: (doc.idViews ?? []).map(({ at, byName }) => ({ at: toIso(at), by: byName })),
    phone: reveal.phone ? doc.phone : maskPhone(doc.phone),
    communityId: doc.communityId,
    communityName,
    address: doc.address,
    // Computed on the day it is shown: a youth member becomes an adult member at 18.
    youth: isYouth(doc.birthDate, todayInChina()),
    guardian: doc.guardian && { ...doc.guardian, phone: reveal.phone ? doc.guardian.phone : maskPhone(doc.guardian.phone) },
    memberNo: doc.memberNo,
    rejectReason: doc.rejectReason,
    timeline: doc.history.map(({ at, action, byName, reason }) => ({ at: toIso(at), action, by: byName, ...(reason ? { reason } : {}) })),
    submittedAt: toIso(doc.submittedAt),
  }
}

export function toCard(doc: ApplicationDoc, communityName: string): MemberCard | null {
  if (doc.status !== 'approved' || !doc.memberNo || !doc.joinedAt || !doc.validUntil) return null
  return {
    memberNo: doc.memberNo,
    name: doc.name,
    communityName,
    joinedAt: doc.joinedAt,
    validUntil: doc.validUntil,
    idNumber: doc.idMasked,
    youth: isYouth(doc.birthDate, todayInChina()),
  }
}

/**
 * The full ID number for staff of the applicant's community, recorded as viewed (who, when)
 * before it is shown.
 */
export async function revealToStaff(doc: ApplicationDoc, staff: { _id: string; displayName: string }): Promise<ApplicationDoc> {
  const view = { at: new Date(), by: staff._id, byName: `工作人员 ${staff.displayName}` }
  await applications().where({ _id: doc._id }).update({ data: { idViews: _.push(view) } })
  return { ...doc, idViews: [...(doc.idViews ?? []), view] }
}
