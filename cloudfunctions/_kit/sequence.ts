import { AppError } from '@/domain/errors'
import { collections, db } from './cloud'

type Counter = { _id: string; seq: number }

/** A sequence's counter as read (empty before its first number). */
export type SequenceState = Counter[]

/** Reads a sequence's counter, for a caller that reads it beside other work and passes it to `nextInSequence`. */
export async function readSequence(counterId: string): Promise<SequenceState> {
  return (await db.collection(collections.counters).where({ _id: counterId }).get<Counter>()).data
}

const MAX_ATTEMPTS = 50

/**
 * The next number of a named sequence (member numbers, certificate numbers). Each step is a
 * compare-and-set on the counter document (`where({ _id, seq })`), atomic on CloudBase and on
 * the local store, so concurrent callers never get the same number: a loser reads again.
 */
export async function nextInSequence(counterId: string, seen?: Promise<SequenceState>): Promise<number> {
  const counters = db.collection(collections.counters)
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    // The first try may start from a state read beforehand (beside other work); a stale one only costs a retry.
    const data = attempt === 0 && seen ? await seen : await readSequence(counterId)
    if (!data[0]) {
      try {
        await counters.add({ data: { _id: counterId, seq: 1 } })
        return 1
      } catch {
        continue // created by a concurrent caller: take the next number instead
      }
    }
    const seq = data[0].seq
    const { stats } = await counters.where({ _id: counterId, seq }).update({ data: { seq: seq + 1 } })
    if (stats.updated === 1) return seq + 1
  }
  throw new AppError('CONFLICT', '同时办理的人较多，请稍后再试')
}
