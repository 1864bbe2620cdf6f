import { nextTryAt } from '@/domain/notify/sending'
import { collections, db, isDuplicateKey } from './cloud'
import { wakeJob } from './job-marks'
import { mapWithCap } from './parallel'
import type { Delivery } from './notify'

/**
 * A subscribe message waiting for the scheduler: a first try of a fan-out (`tries` 0), or one
 * WeChat could not take for a passing reason, waiting for its retries. Its `_id` is the inbox
 * message's, so queueing it twice keeps one.
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

/** Queued once (false: it was already); the caller wakes the scheduler's outbox job, asleep while nothing waits. */
async function addOnce(doc: OutboxDoc): Promise<boolean> {
  try {
    await outbox().add({ data: doc })
    return true
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
    return false
  }
}

export async function queueRetry(inboxId: string, delivery: Delivery, errCode: number | undefined): Promise<void> {
  const now = new Date()
  if (await addOnce({ _id: inboxId, ...delivery, status: 'pending', tries: 1, nextTryAt: nextTryAt(1, now) ?? now, errCode: errCode ?? null, createdAt: now, updatedAt: now })) await wakeJob('outbox')
}

/** A message not tried yet, due at once: the scheduler's next run sends it. */
export async function queueFirstTry(inboxId: string, delivery: Delivery): Promise<void> {
  await queueFirstTries([{ inboxId, delivery }], 1)
}

/**
 * Messages not tried yet (a fan-out's), `atOnce` queued side by side, then the job woken once —
 * after they are stored, so the run it wakes finds them.
 */
export async function queueFirstTries(items: ReadonlyArray<{ inboxId: string; delivery: Delivery }>, atOnce: number): Promise<void> {
  const now = new Date()
  const added = await mapWithCap(items, atOnce, ({ inboxId, delivery }) => addOnce({ _id: inboxId, ...delivery, status: 'pending', tries: 0, nextTryAt: now, errCode: null, createdAt: now, updatedAt: now }))
  if (added.includes(true)) await wakeJob('outbox')
}

/**
 * Like `queueFirstTry`, without waking the outbox job: for a caller queueing several side by side,
 * which wakes it once beside them (_kit/staff-queue.ts).
 */
export async function queueFirstTryUnwoken(inboxId: string, delivery: Delivery): Promise<void> {
  const now = new Date()
  await addOnce({ _id: inboxId, ...delivery, status: 'pending', tries: 0, nextTryAt: now, errCode: null, createdAt: now, updatedAt: now })
}
