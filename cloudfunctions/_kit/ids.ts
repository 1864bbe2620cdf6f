import crypto from 'node:crypto'

/**
 * A stable document id derived from the caller, for records a person has at most one of
 * (application, volunteer profile): a second concurrent insert fails on the duplicate `_id`.
 * Hashed, so the OPENID itself never appears where staff see ids.
 */
export function ownedId(prefix: string, openid: string): string {
  return `${prefix}${crypto.createHash('sha256').update(`${prefix}:${openid}`).digest('hex').slice(0, 24)}`
}
