import dayjs from 'dayjs'
import { todayInChina } from '@/domain/dates'
import { AppError } from '@/domain/errors'
import { _ } from '../../_kit/cloud'
import { freeClaimSlot } from '../../wish/claim-slots'
import { transition } from '../../wish/transition'
import { UNCLAIMED, wishes, type WishDoc } from '../../wish/wishes'
import { eachWithin, sum, type Budget, type Job } from '../job'

/** A wish someone changed in the meantime is no longer due: skipped, not an error. */
const unlessChanged = (step: (wish: WishDoc) => Promise<unknown>) => async (wish: WishDoc) => {
  try {
    await step(wish)
    return true
  } catch (error) {
    if (error instanceof AppError && error.code === 'CONFLICT') return false
    throw error
  }
}

/**
 * Claims not fulfilled by their deadline go back to `open` and both sides are told; open wishes
 * whose wish date has passed expire. Each transition is conditional on the wish's state, so a
 * second run finds nothing left.
 */
export const wishJob: Job = {
  name: 'wish',
  cadence: 'hourly',
  async run(budget: Budget) {
    const overdue = await wishes().where({ status: 'claimed', claimDeadline: _.lt(new Date()) }).limit(budget.batch).get<WishDoc>()
    const released = await eachWithin(
      overdue.data,
      budget,
      unlessChanged(async (wish) => {
        await transition(wish, 'autoRelease', { system: true }, { set: UNCLAIMED, note: '认领后超过期限未完成', tell: ['owner', 'claimer'] })
        await freeClaimSlot(wish.claimerOpenid, wish._id)
      }),
    )
    const yesterday = dayjs(todayInChina()).subtract(1, 'day').format('YYYY-MM-DD')
    const past = await wishes().where({ status: 'open', dueDate: _.lte(yesterday) }).limit(budget.batch).get<WishDoc>()
    const expired = await eachWithin(past.data, budget, unlessChanged((wish) => transition(wish, 'expire', { system: true }, { tell: ['owner'] })))
    return sum(released, expired)
  },
}
