import crypto from 'node:crypto'

/**
 * The code that makes the very first admin of a community (README, 首位管理员). It is derived from
 * the environment's own secret (`ID_ENCRYPTION_KEY`, which only whoever runs the environment holds)
 * and names both the community and the person, so it cannot be guessed, nor passed to someone else,
 * and it works only while the community has no admin at all.
 */
export function bootstrapCode(secretBase64: string, communityId: string, openid: string): string {
  const key = Buffer.from(secretBase64, 'base64')
  if (key.length !== 32) throw new Error('ID_ENCRYPTION_KEY must be 32 bytes, base64 (see README, deploying)')
  const mac = crypto.createHmac('sha256', key).update(`community-admin-bootstrap|${communityId}|${openid}`).digest('hex')
  return `${communityId}.${mac}`
}

/** Whether `code` is the bootstrap code of this person, compared in constant time. */
export function isBootstrapCodeOf(code: string, openid: string): { communityId: string } | null {
  const dot = code.indexOf('.')
  const secret = process.env.ID_ENCRYPTION_KEY
  if (dot < 1 || !secret) return null
  const communityId = code.slice(0, dot)
  const expected = Buffer.from(bootstrapCode(secret, communityId, openid))
  const given = Buffer.from(code.toLowerCase().replace(/^[^.]*/, communityId))
  return expected.length === given.length && crypto.timingSafeEqual(expected, given) ? { communityId } : null
}
