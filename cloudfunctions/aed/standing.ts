import { standingOf, type Standing } from '@/domain/aed/standing'
import { todayInChina } from '@/domain/dates'
import { certifiesOn } from '@/domain/firstaid/training'
import type { UserDoc } from '@/domain/user/types'
import { collections, db } from '../_kit/cloud'
import type { AedDoc } from './aeds'

export type StandingRecords = { isActiveVolunteer: boolean; hasValidCertificate: boolean }

/** Whether the volunteer registration is active, and whether any 救护员证 counts today (one request each). */
export async function standingRecordsOf(openid: string): Promise<StandingRecords> {
  const [volunteer, certificates] = await Promise.all([
    db.collection(collections.volunteers).where({ openid }).limit(1).get<{ status: string }>(),
    db.collection(collections.certificates).where({ openid }).orderBy('issuedOn', 'desc').limit(20).get<{ number: string | null; validUntil: string }>(),
  ])
  const today = todayInChina()
  return { isActiveVolunteer: volunteer.data[0]?.status === 'active', hasValidCertificate: certificates.data.some((c) => certifiesOn(c, today)) }
}

/**
 * Why the reporter's word about this AED counts, or null (standing.ts); records are read only when
 * the user record does not settle it, unless the caller read them beside its own reads (`known`).
 */
export async function reporterStanding(aed: AedDoc, user: UserDoc, known?: StandingRecords): Promise<Standing | null> {
  const facts = {
    isGuardian: aed.guardianOpenid === user._id,
    isStaffOfCommunity: user.roles.includes('staff') && user.staffCommunityIds.includes(aed.communityId),
    isMember: user.roles.includes('member'),
  }
  const settled = standingOf({ ...facts, hasValidCertificate: false, isActiveVolunteer: false })
  if (settled === 'guardian' || settled === 'staff') return settled
  return standingOf({ ...facts, ...(known ?? (await standingRecordsOf(user._id))) })
}
