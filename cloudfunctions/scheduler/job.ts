import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import { CHINA_OFFSET_MINUTES } from '@/domain/dates'
import { mapWithCap } from '../_kit/parallel'

dayjs.extend(utc)

/** What one run of a job may spend: at most `batch` items per sweep, and only while time is left. */
export type Budget = { batch: number; hasTime(): boolean }

/** How much a run did, and whether due work was left for the next run. */
export type JobResult = { done: number; more: boolean }

/**
 * How often a job runs: `often` at every run of the timer (every 5 minutes: messages, reminders),
 * `hourly` at the run on the hour, `daily` at the run of 09:00 China time (so daily notices arrive
 * in the daytime). CloudBase takes one timer trigger per function, and every run is an invocation
 * billed against the environment's quota, so the trigger fires no more often than the most
 * frequent work needs and each job runs no more often than its own work needs (#25).
 */
export type Cadence = 'often' | 'hourly' | 'daily'

/** Daily work runs at 09:00 China time, so daily notices arrive in the daytime. */
const DAILY_HOUR = 9

/** The cadences due at a run of the timer at `at` (a run a few minutes late still counts as on the hour). */
export function cadencesAt(at: Date): Cadence[] {
  const china = dayjs(at).utcOffset(CHINA_OFFSET_MINUTES)
  const onTheHour = china.minute() < 5
  return ['often', ...(onTheHour ? (['hourly'] as const) : []), ...(onTheHour && china.hour() === DAILY_HOUR ? (['daily'] as const) : [])]
}

/** The first 09:00 China time after `now`: when a daily job that keeps a mark next has work. */
export function nextDailyRun(now: Date): Date {
  const today = dayjs(now).utcOffset(CHINA_OFFSET_MINUTES).startOf('day').add(DAILY_HOUR, 'hour')
  return (today.isAfter(now) ? today : today.add(1, 'day')).toDate()
}

/**
 * One feature's scheduled work. `run` must be idempotent (a second run finds nothing left to do,
 * or sends nothing twice) and stop within its budget, leaving the rest for its next run; a run
 * that finds nothing to do reads once at most.
 */
export type Job = {
  name: string
  cadence: Cadence
  run(budget: Budget): Promise<JobResult>
  /**
   * A job with `next` keeps a mark (_kit/job-marks): it runs at its cadence only when the mark is
   * due (the writers that give it work wake it), and after a run that left nothing over, `next`
   * answers when its next work falls due (null: none), one read.
   */
  next?(): Promise<Date | null>
}

/**
 * Runs `step` on each item while time is left, `atOnce` at a time (one after another unless
 * asked); `more` when the batch was full or time ran out.
 */
export async function eachWithin<T>(items: T[], budget: Budget, step: (item: T) => Promise<boolean>, { atOnce = 1 }: { atOnce?: number } = {}): Promise<JobResult> {
  let done = 0
  let stopped = false
  await mapWithCap(items, atOnce, async (item) => {
    if (stopped || !budget.hasTime()) {
      stopped = true
      return
    }
    if (await step(item)) done += 1
  })
  return { done, more: stopped || items.length >= budget.batch }
}

export const sum = (...results: JobResult[]): JobResult => ({
  done: results.reduce((total, r) => total + r.done, 0),
  more: results.some((r) => r.more),
})

