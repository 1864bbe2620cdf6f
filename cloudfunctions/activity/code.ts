import crypto from 'node:crypto'

/** The check-in code changes every minute. */
export const CODE_WINDOW_SECONDS = 60
/**
 * The code of the previous minute is still accepted this many seconds into the next one: the
 * volunteer read it just before it turned over, or the clocks differ a little. No other window is.
 */
export const CODE_GRACE_SECONDS = 15

const windowOf = (at: Date) => Math.floor(at.getTime() / 1000 / CODE_WINDOW_SECONDS)

/** HMAC-SHA256 of the activity and the minute, reduced to 6 digits (as TOTP does). */
function codeFor(secret: string, activityId: string, window: number): string {
  const mac = crypto.createHmac('sha256', secret).update(`${activityId}:${window}`).digest()
  const offset = mac[mac.length - 1] & 0x0f
  const number = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000
  return String(number).padStart(6, '0')
}

export function newCodeSecret(): string {
  return crypto.randomBytes(20).toString('hex')
}

export function currentCode(secret: string, activityId: string, now = new Date()): { code: string; secondsLeft: number; windowSeconds: number } {
  const seconds = now.getTime() / 1000
  return {
    code: codeFor(secret, activityId, windowOf(now)),
    secondsLeft: Math.max(1, Math.ceil(CODE_WINDOW_SECONDS - (seconds % CODE_WINDOW_SECONDS))),
    windowSeconds: CODE_WINDOW_SECONDS,
  }
}

export function codeMatches(secret: string, activityId: string, code: string, now = new Date()): boolean {
  const window = windowOf(now)
  const intoWindow = (now.getTime() / 1000) % CODE_WINDOW_SECONDS
  const candidates = [codeFor(secret, activityId, window)]
  if (intoWindow < CODE_GRACE_SECONDS) candidates.push(codeFor(secret, activityId, window - 1))
  return candidates.some((c) => crypto.timingSafeEqual(Buffer.from(c), Buffer.from(code.padEnd(6).slice(0, 6))))
}
