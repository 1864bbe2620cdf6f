import { formatMemberNo, memberCounterId } from '@/domain/member/member-number'
import { nextInSequence } from '../_kit/sequence'

/** The next member number of a community for a year (unique under concurrent approvals). */
export async function allocateMemberNo(communityCode: string, year: number): Promise<string> {
  return formatMemberNo(communityCode, year, await nextInSequence(memberCounterId(communityCode, year)))
}
