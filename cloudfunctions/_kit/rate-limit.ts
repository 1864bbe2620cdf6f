import { AppError } from '@/domain/errors'
import { _, collections, db, isDuplicateKey } from './cloud'

/**
 * Takes one of `limit` slots of a counter (e.g. one person's wishes today). Creating the counter
 * takes the first slot (most people post once a day: one request); after that the increment only
 * applies while the count is below the limit, so concurrent callers can never exceed it.
 */
export async function takeSlot(counterId: string, limit: number, message: string): Promise<void> {
  const counters = db.collection(collections.counters)
  try {
    await counters.add({ data: { _id: counterId, n: 1, createdAt: db.serverDate() } })
    return
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
  }
  const { stats } = await counters.where({ _id: counterId, n: _.lt(limit) }).update({ data: { n: _.inc(1) } })
  if (stats.updated !== 1) throw new AppError('RATE_LIMITED', message)
}

/** Refuses once a counter has used up its `limit` slots (e.g. wrong codes), without taking one. */
export async function requireSlotLeft(counterId: string, limit: number, message: string): Promise<void> {
  const { data } = await db.collection(collections.counters).where({ _id: counterId }).get<{ n: number }>()
  if ((data[0]?.n ?? 0) >= limit) throw new AppError('RATE_LIMITED', message)
}
