import { AppError } from '@/domain/errors'
import { _, collections, db } from './cloud'

/**
 * Takes one of `limit` slots of a counter (e.g. one person's wishes today). The increment only
 * applies while the count is below the limit, so concurrent callers can never exceed it.
 */
export async function takeSlot(counterId: string, limit: number, message: string): Promise<void> {
  const counters = db.collection(collections.counters)
  const take = async () => (await counters.where({ _id: counterId, n: _.lt(limit) }).update({ data: { n: _.inc(1) } })).stats.updated === 1
  if (await take()) return
  const { total } = await counters.where({ _id: counterId }).count()
  if (total === 0) {
    try {
      await counters.add({ data: { _id: counterId, n: 1, createdAt: db.serverDate() } })
      return
    } catch {
      // Created by a concurrent call: compete for the remaining slots instead.
      if (await take()) return
    }
  }
  throw new AppError('RATE_LIMITED', message)
}
