import { nextTryAt } from '@/domain/notify/sending'
import { collections, db, isDuplicateKey } from './cloud'
import type { Delivery } from './notify'

/**
 * A subscribe message WeChat could not take for a passing reason, waiting for the scheduler's
 * retries. Its `_id` is the inbox message's, so queueing it twice keeps one.
 */
export type OutboxDoc = Delivery & {
  _id: string
  /** `no_grant` and `refused` end it as WeChat's answer says (see domain/notify/sending). */
  status: 'pending' | 'sent' | 'failed' | 'no_grant' | 'refused'
  tries: number
  nextTryAt: Date
  /** WeChat's code of the last failed try. */
  errCode: number | null
  createdAt: Date
  updatedAt: Date
}

export const outbox = () => db.collection(collections.outbox)

export async function queueRetry(inboxId: string, delivery: Delivery, errCode: number | undefined): Promise<void> {
  const now = new Date()
  const doc: OutboxDoc = { _id: inboxId, ...delivery, status: 'pending', tries: 1, nextTryAt: nextTryAt(1, now) ?? now, errCode: errCode ?? null, createdAt: now, updatedAt: now }
  try {
    await outbox().add({ data: doc })
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
  }
}
