/**
 * What to do after WeChat answers a subscribe-message send, and when to try again.
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
 */

/** WeChat holds no grant of this template for the person (never given, spent, or turned off). */
export const NO_GRANT = 43101

/**
 * Refusals of the message itself (openid, template id, page, a value against its field type):
 * sending it again would be refused again, and WeChat spent nothing.
 */
const MESSAGE_REFUSALS: readonly number[] = [40003, 40037, 41030, 47003]

/**
 * - `sent`: delivered, one grant spent (unless the kind is a long-term subscription);
 * - `no_grant`: the person holds none, so the count of grants is cleared;
 * - `refused`: never deliverable as built, the grant is kept;
 * - `retry`: anything else (system error, rate limit, network): kept in the outbox and tried again.
 */
export type SendOutcome = 'sent' | 'no_grant' | 'refused' | 'retry'

export function sendOutcome(errCode: number | undefined): Exclude<SendOutcome, 'sent'> {
  if (errCode === NO_GRANT) return 'no_grant'
  return errCode !== undefined && MESSAGE_REFUSALS.includes(errCode) ? 'refused' : 'retry'
}

/** Minutes to wait after the 1st, 2nd, 3rd and 4th failed try; the 5th failure is final. */
export const RETRY_DELAYS_MINUTES = [1, 5, 15, 60] as const
export const MAX_SEND_TRIES = RETRY_DELAYS_MINUTES.length + 1

/** When to try again after `tries` failed tries, or null when the message has failed for good. */
export function nextTryAt(tries: number, now: Date): Date | null {
  const minutes = RETRY_DELAYS_MINUTES[tries - 1]
  return minutes === undefined ? null : new Date(now.getTime() + minutes * 60_000)
}
