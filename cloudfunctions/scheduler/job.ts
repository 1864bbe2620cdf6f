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
 * One feature's scheduled work. `run` must be idempotent (a second run finds nothing left to do,
 * or sends nothing twice) and stop within its budget, leaving the rest for the next minute.
 * `due` (default: always) keeps a job to its hours, e.g. reminders in the daytime.
 */
export type Job = { name: string; due?(now: Date): boolean; run(budget: Budget): Promise<JobResult> }

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

/** Reminders are sent from 09:00 to 20:59 China time, never at night. */
export const inDaytime = (now: Date) => {
  const hour = dayjs(now).utcOffset(CHINA_OFFSET_MINUTES).hour()
  return hour >= 9 && hour < 21
}
