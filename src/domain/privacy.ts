/**
 * How personal data is shown to people who may not see it in full (DESIGN.md §3–4). The full
 * values stay in the database; responses carry these masked forms.
 */

/** `330602199001011234` → `3306**********1234`. */
export function maskIdNumber(idNumber: string): string {
  return idNumber.length <= 8 ? '*'.repeat(idNumber.length) : `${idNumber.slice(0, 4)}${'*'.repeat(idNumber.length - 8)}${idNumber.slice(-4)}`
}

/** `13812345678` → `138****5678`. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '*'.repeat(phone.length)
}

/**
 * A wish owner may call the volunteer who took it on, while it is theirs to do (claimed) or
 * waiting for the owner (fulfilled); nobody else sees the volunteer's phone, and not after.
 */
export const showsClaimerPhone = (relation: string, status: string) => relation === 'owner' && (status === 'claimed' || status === 'fulfilled')

/** `王秀英` → `王**`: a name in public lists. */
export function maskName(name: string): string {
  return name.length <= 1 ? name : `${name.slice(0, 1)}${'*'.repeat(Math.min(name.length - 1, 2))}`
}
