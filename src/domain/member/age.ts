/** Individual members from 14; under 18 a youth member (青少年会员) who needs a guardian. */
export const MIN_MEMBER_AGE = 14
export const ADULT_AGE = 18

/**
 * Whole years (周岁) completed on `today`, both `YYYY-MM-DD`. A birthday counts from that very
 * day; someone born on 29 February gains a year on 1 March in common years.
 */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4))
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years
}

export function isYouth(birthDate: string, today: string): boolean {
  const age = ageOn(birthDate, today)
  return age >= MIN_MEMBER_AGE && age < ADULT_AGE
}
