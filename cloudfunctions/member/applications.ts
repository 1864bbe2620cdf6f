import type { ApplicationStatus, CorrectableField, Gender, Guardian } from '@/domain/member/application'
import type { ApplicationView, MemberCard, TimelineEntry } from '@/domain/member/contract'
import { DEFAULT_DUES, duesStanding, type DuesStanding } from '@/domain/member/dues'
import type { Community } from '@/domain/community/types'
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
  /** The last year whose dues were recorded (null before the first). */
  duesPaidThrough?: number | null
  /** Each year's dues as staff recorded them. */
  duesPayments?: DuesPayment[]
  /** First year the app kept dues, for members who joined before (set by the migration). */
  duesTrackedFrom?: number
  /** When the member left (退会); the ID number is erased `ID_RETENTION_DAYS` later. */
  leftAt?: Date | null
  /** 在校学生: dues voluntary. */
  student?: boolean
  /** The shape of the record: `APPLICATION_RECORD_VERSION` once migrated (scheduler's member job). */
  recordVersion?: number
  rejectReason: string | null
  history: Array<{ at: Date; action: TimelineEntry['action']; by: string; byName: string; reason?: string }>
  submittedAt: Date
  /** 更正 requests by key (a hash of field and value, so a repeated request is the same one). */
  corrections?: Record<string, { field: CorrectableField; value: string; status: 'open' | 'accepted' | 'declined'; at: Date; decidedBy?: string }>
  /** Each time staff opened the full ID number: who and when (the applicant sees these). */
  idViews?: Array<{ at: Date; by: string; byName: string }>
}

export type DuesPayment = { year: number; amountFen: number; receiptNo: string; at: Date; by: string; byName: string }

/** Version 2: no validity date, no 职业, no stored youth flag, the address to the building, dues fields. */
export const APPLICATION_RECORD_VERSION = 2

export const applications = () => db.collection(collections.applications)

export async function findApplication(criteria: Record<string, unknown>): Promise<ApplicationDoc | null> {
  const { data } = await applications().where(criteria).limit(1).get<ApplicationDoc>()
  return data[0] ?? null
}

/** Who may see what: full ID only for staff of the applicant's community; phones masked in lists. */
export type Reveal = { idNumber: boolean; phone: boolean }

/** The community facts a view needs: its name and its dues setting. */
export type CommunityFacts = Pick<Community, 'name' | 'dues'>

/** A member's dues today, under their community's setting; null until they are a member. */
export function duesOf(doc: ApplicationDoc, community: CommunityFacts): DuesStanding | null {
  if (doc.status !== 'approved' || !doc.joinedAt) return null
  const today = todayInChina()
  return duesStanding({
    joinedAt: doc.joinedAt,
    trackedFrom: doc.duesTrackedFrom,
    paidThrough: doc.duesPaidThrough ?? null,
    student: doc.student === true,
    youth: isYouth(doc.birthDate, today),
    setting: community.dues ?? DEFAULT_DUES,
    today,
  })
}

export function toView(doc: ApplicationDoc, community: CommunityFacts, reveal: Reveal): ApplicationView {
  const communityName = community.name
  return {
    _id: doc._id,
    status: doc.status,
    name: doc.name,
    gender: doc.gender,
    birthDate: doc.birthDate,
    idNumber: reveal.idNumber && doc.idCipher ? openId(doc.idCipher) : doc.idMasked,
    corrections: Object.entries(doc.corrections ?? {}).map(([key, c]) => ({ key, field: c.field, value: c.value, status: c.status, at: toIso(c.at) })),
    idViews: (doc.idViews ?? []).map(({ at, byName }) => ({ at: toIso(at), by: byName })),
    phone: reveal.phone ? doc.phone : maskPhone(doc.phone),
    communityId: doc.communityId,
    communityName,
    address: doc.address,
    // Computed on the day it is shown: a youth member becomes an adult member at 18.
    youth: isYouth(doc.birthDate, todayInChina()),
    guardian: doc.guardian && { ...doc.guardian, phone: reveal.phone ? doc.guardian.phone : maskPhone(doc.guardian.phone) },
    memberNo: doc.memberNo,
    dues: duesOf(doc, community),
    rejectReason: doc.rejectReason,
    timeline: doc.history.map(({ at, action, byName, reason }) => ({ at: toIso(at), action, by: byName, ...(reason ? { reason } : {}) })),
    submittedAt: toIso(doc.submittedAt),
  }
}

export function toCard(doc: ApplicationDoc, community: CommunityFacts): MemberCard | null {
  const dues = duesOf(doc, community)
  if (!dues || !doc.memberNo || !doc.joinedAt) return null
  return {
    memberNo: doc.memberNo,
    name: doc.name,
    communityName: community.name,
    joinedAt: doc.joinedAt,
    idNumber: doc.idMasked,
    youth: isYouth(doc.birthDate, todayInChina()),
    dues,
  }
}

/** The communities of these ids with what views need, by id. */
export async function communityFacts(ids: readonly string[]): Promise<Map<string, CommunityFacts>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  const { data } = await db.collection(collections.communities).where({ _id: _.in(unique) }).field({ name: true, dues: true }).get<Community>()
  return new Map(data.map((c) => [c._id, { name: c.name, dues: c.dues }]))
}

export const UNKNOWN_COMMUNITY: CommunityFacts = { name: '' }

/**
 * The full ID number for staff of the applicant's community, recorded as viewed (who, when)
 * before it is shown.
 */
export async function revealToStaff(doc: ApplicationDoc, viewer: { _id: string }, byName: string): Promise<ApplicationDoc> {
  const view = { at: new Date(), by: viewer._id, byName }
  await applications().where({ _id: doc._id }).update({ data: { idViews: _.push(view) } })
  return { ...doc, idViews: [...(doc.idViews ?? []), view] }
}
