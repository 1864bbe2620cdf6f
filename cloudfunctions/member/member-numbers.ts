import { formatMemberNo, memberCounterId } from '@/domain/member/member-number'
import { nextInSequence, readSequence, type SequenceState } from '../_kit/sequence'

/** The next member number of a community for a year (unique under concurrent approvals); `seen`: its counter read beforehand. */
export async function allocateMemberNo(communityCode: string, year: number, seen?: Promise<SequenceState>): Promise<string> {
  return formatMemberNo(communityCode, year, await nextInSequence(memberCounterId(communityCode, year), seen))
}

/** The counter of a community's member numbers for a year, read beside other work. */
export const readMemberCounter = (communityCode: string, year: number) => readSequence(memberCounterId(communityCode, year))
