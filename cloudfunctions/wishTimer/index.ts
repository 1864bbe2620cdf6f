import dayjs from 'dayjs'
import { todayInChina } from '@/domain/dates'
import { AppError } from '@/domain/errors'
import { _, cloud } from '../_kit/cloud'
import { transition } from '../wish/transition'
import { UNCLAIMED, wishes, type WishDoc } from '../wish/wishes'

const BATCH = 100

/** Runs each action on every wish it returns, skipping wishes someone changed in the meantime. */
async function sweep(found: WishDoc[], step: (wish: WishDoc) => Promise<unknown>): Promise<number> {
  let done = 0
  for (const wish of found) {
    try {
      await step(wish)
      done += 1
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error
    }
  }
  return done
}

/**
 * Timer-triggered (config.json): claims not fulfilled by their deadline go back to `open` and
 * both sides are told; open wishes whose wish date has passed expire. Callers from the app have
 * an OPENID and are refused: only the platform's timer runs this.
 */
export async function main(): Promise<{ ok: boolean; released?: number; expired?: number }> {
  if (cloud.getWXContext().OPENID) return { ok: false }
  try {
    const overdue = await wishes().where({ status: 'claimed', claimDeadline: _.lt(new Date()) }).limit(BATCH).get<WishDoc>()
    const released = await sweep(overdue.data, (wish) =>
      transition(wish, 'autoRelease', { system: true }, { set: UNCLAIMED, note: '认领后超过期限未完成', tell: ['owner', 'claimer'] }),
    )
    const yesterday = dayjs(todayInChina()).subtract(1, 'day').format('YYYY-MM-DD')
    const past = await wishes().where({ status: 'open', dueDate: _.lte(yesterday) }).limit(BATCH).get<WishDoc>()
    const expired = await sweep(past.data, (wish) => transition(wish, 'expire', { system: true }, { tell: ['owner'] }))
    return { ok: true, released, expired }
  } catch (error) {
    console.error('[wishTimer] sweep failed', error instanceof Error ? error.stack : error)
    return { ok: false }
  }
}
