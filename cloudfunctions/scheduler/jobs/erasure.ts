import { eraseEverywhere } from '../../user/erasure/registry'
import { dueTombstones, nextSweep, removeTombstone } from '../../user/erasure/tombstone'
import { eachWithin, type Budget, type Job } from '../job'

/**
 * The last sweep of 注销: once no call that started before the tombstone can still be running,
 * everything is erased once more (what such a call wrote) and the tombstone goes. Runs only while
 * a tombstone waits (its mark: writing one wakes it; after a run it sleeps until the next sweep).
 */
export const erasureJob: Job = {
  name: 'erasure',
  cadence: 'often',
  async run(budget: Budget) {
    return eachWithin(await dueTombstones(budget.batch), budget, async (user) => {
      await eraseEverywhere(user._id)
      return removeTombstone(user)
    })
  },
  next: nextSweep,
}
