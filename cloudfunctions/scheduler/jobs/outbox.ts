import { MAX_SEND_TRIES, nextTryAt } from '@/domain/notify/sending'
import { _ } from '../../_kit/cloud'
import { deliver } from '../../_kit/notify'
import { outbox, type OutboxDoc } from '../../_kit/outbox'
import { eachWithin, type Budget, type Job } from '../job'

const HOUR = 60 * 60_000
/**
 * Sends in flight at once: a fan-out of a thousand messages at 100–300 ms each takes minutes one
 * after another, about 20 s ten at a time.
 */
const SENDS_AT_ONCE = 10

/**
 * One more try of a queued subscribe message. The try is claimed first (conditional on the count
 * of tries), so two runs never send it twice; the claim moves `nextTryAt` to the next backoff, so
 * a run stopped mid-send leaves it due again later rather than lost.
 */
async function retry(doc: OutboxDoc): Promise<boolean> {
  const now = new Date()
  const tries = doc.tries + 1
  const claim = tries > MAX_SEND_TRIES ? { status: 'failed' } : { tries, nextTryAt: nextTryAt(tries, now) ?? new Date(now.getTime() + HOUR) }
  const { stats } = await outbox().where({ _id: doc._id, status: 'pending', tries: doc.tries }).update({ data: { ...claim, updatedAt: now } })
  if (stats.updated === 0 || tries > MAX_SEND_TRIES) return false
  const { outcome, errCode } = await deliver(doc)
  const status: OutboxDoc['status'] = outcome === 'retry' ? (nextTryAt(tries, now) ? 'pending' : 'failed') : outcome
  await outbox().where({ _id: doc._id, tries }).update({ data: { status, errCode: errCode ?? null, updatedAt: new Date() } })
  return outcome === 'sent'
}

/**
 * Queued subscribe messages: the first tries of fan-outs, and those that failed for a passing
 * reason, tried again with backoff until the 5th try. Sweeps of `batch` due messages, sent
 * `SENDS_AT_ONCE` at a time, follow each other while time is left; each claim moves a message's
 * `nextTryAt` on, so the next sweep finds the ones not sent yet. Runs only while messages wait
 * (its mark: queueing one wakes it; after a run it sleeps until the earliest next try, #25).
 */
export const outboxJob: Job = {
  name: 'outbox',
  cadence: 'often',
  async run(budget: Budget) {
    let done = 0
    for (;;) {
      const { data } = await outbox().where({ status: 'pending', nextTryAt: _.lte(new Date()) }).orderBy('nextTryAt', 'asc').limit(budget.batch).get<OutboxDoc>()
      const sweep = await eachWithin(data, budget, retry, { atOnce: SENDS_AT_ONCE })
      done += sweep.done
      if (!sweep.more || !budget.hasTime()) return { done, more: sweep.more }
    }
  },
  async next() {
    const { data } = await outbox().where({ status: 'pending' }).orderBy('nextTryAt', 'asc').limit(1).field({ nextTryAt: true }).get<Pick<OutboxDoc, '_id' | 'nextTryAt'>>()
    return data[0]?.nextTryAt ?? null
  },
}
