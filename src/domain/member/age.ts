/**
 * Under 18 a member is a 青少年会员 (《中国红十字会会费管理办法》 sets youth dues apart; 章程's
 * member chapter). No minimum age is set: 《中国红十字会会员管理办法》 (2009) names none, and school
 * members are youth members. Always computed from the birth date on the day shown, never stored.
 */
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
  return ageOn(birthDate, today) < ADULT_AGE
}

/**
 * The birth date a youth member is born after, on `today`: `isYouth(b, today)` exactly when
 * `b > youthBornAfter(today)`, so a count can ask the database with one range on `birthDate`.
 */
export function youthBornAfter(today: string): string {
  return `${Number(today.slice(0, 4)) - ADULT_AGE}${today.slice(4)}`
}
