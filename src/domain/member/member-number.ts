/** Member numbers: community code + year + 4-digit sequence, e.g. `YL20260007`. */
export function formatMemberNo(communityCode: string, year: number, sequence: number): string {
  return `${communityCode}${year}${String(sequence).padStart(4, '0')}`
}

/** The counter document that hands out a community's numbers for one year. */
export const memberCounterId = (communityCode: string, year: number) => `member-${communityCode}-${year}`
