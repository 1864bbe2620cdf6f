/**
 * Whose word about an AED counts (issue 29). A report from someone the station knows takes the
 * device out of the emergency list; a report from anyone else only warns, however many arrive,
 * so a handful of fresh accounts can never empty a community's map. (DESIGN.md also allows "two
 * independent reports"; the issue is newer and wins: reports without standing never add up.)
 */
export type Standing = 'guardian' | 'staff' | 'responder' | 'member' | 'volunteer'

export const STANDING_LABELS: Record<Standing, string> = {
  guardian: '设备负责人',
  staff: '社区工作人员',
  responder: '持证救护员',
  member: '红十字会员',
  volunteer: '志愿者',
}

/** What the station knows of the reporter, looked up by the function. */
export type ReporterFacts = {
  isGuardian: boolean
  /** Staff of the AED's own community. */
  isStaffOfCommunity: boolean
  /** Holds a 救护员证 whose number was recorded from the Red Cross certificate and is in date. */
  hasValidCertificate: boolean
  /** An approved 红十字会员. */
  isMember: boolean
  /** A registered volunteer whose registration is active (not pending or rejected). */
  isActiveVolunteer: boolean
}

/** The strongest reason the reporter's word counts, or null for an account without standing. */
export function standingOf(facts: ReporterFacts): Standing | null {
  if (facts.isGuardian) return 'guardian'
  if (facts.isStaffOfCommunity) return 'staff'
  if (facts.hasValidCertificate) return 'responder'
  if (facts.isMember) return 'member'
  if (facts.isActiveVolunteer) return 'volunteer'
  return null
}
