import type { Skill, VolunteerStatus } from '@/domain/volunteer/profile'
import type { VolunteerProfile } from '@/domain/volunteer/contract'
import { maskPhone } from '@/domain/privacy'
import { collections, db } from '../_kit/cloud'
import { toIso } from '../_kit/dates'

/** The `volunteers` document, one per person (its `_id` derived from the OPENID). */
export type VolunteerDoc = {
  _id: string
  openid: string
  status: VolunteerStatus
  name: string
  phone: string
  communityId: string
  skills: Skill[]
  availability: string[]
  intro: string
  hours: number
  points: number
  /** Hours per year (`y2026`) and month (`m2026-11`), kept in step with the ledger. */
  periodHours?: Record<string, number>
  rejectReason: string | null
  registeredAt: Date
  /** Asked since registration follows the age rules (older records have none). */
  birthYear?: number
  /** From the ID number when one was given at registration (GB 11643): the age rules use it. */
  birthDate?: string | null
  /** The resident ID number, sealed (member/id-vault) and masked; null or absent when none was given. */
  idCipher?: string | null
  idMasked?: string | null
  /** Given the first time a certificate needs it (`GY-V00012`). */
  volunteerNumber?: string
  /** A minor's guardian, who consented at registration. */
  guardian?: { name: string; phone: string; consentedAt: Date } | null
  /** Communities besides their own they serve in, and those they asked to whose staff have yet to decide. */
  activeIn?: string[]
  pendingIn?: string[]
}

export const volunteers = () => db.collection(collections.volunteers)

export async function findVolunteer(criteria: Record<string, unknown>): Promise<VolunteerDoc | null> {
  const { data } = await volunteers().where(criteria).limit(1).get<VolunteerDoc>()
  return data[0] ?? null
}

export function toProfile(doc: VolunteerDoc, communityName: string, revealPhone: boolean): VolunteerProfile {
  return {
    _id: doc._id,
    status: doc.status,
    name: doc.name,
    phone: revealPhone ? doc.phone : maskPhone(doc.phone),
    communityId: doc.communityId,
    communityName,
    skills: doc.skills,
    availability: doc.availability,
    intro: doc.intro,
    hours: doc.hours,
    points: doc.points,
    rejectReason: doc.rejectReason,
    registeredAt: toIso(doc.registeredAt),
    birthYear: doc.birthYear ?? null,
    idNumberMasked: revealPhone ? doc.idMasked ?? null : null,
    guardian: revealPhone && doc.guardian ? { name: doc.guardian.name, phone: doc.guardian.phone } : null,
    activeIn: doc.activeIn ?? [],
    pendingIn: doc.pendingIn ?? [],
  }
}
