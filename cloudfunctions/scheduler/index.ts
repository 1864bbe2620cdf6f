import { cloud } from '../_kit/cloud'
import type { JobResult } from './job'
import { JOBS } from './jobs'

/** config.json's timeout is 60 s: the jobs stop 10 s before it, leaving the rest for the next minute. */
const RUN_MS = 50_000
/** Items per sweep of a job in one run. */
const BATCH = 100

type Report = Record<string, JobResult | 'not due' | 'failed'>

/**
 * Timer-triggered every minute (config.json): runs the due jobs of every feature, one after the
 * other, each within an equal share of the time left. One failing job does not stop the others.
 * Callers from the app (with an OPENID) are refused: only the platform's timer runs this.
 */
export async function main(): Promise<{ ok: boolean; jobs?: Report }> {
  if (cloud.getWXContext().OPENID) return { ok: false }
  const start = Date.now()
  const jobs: Report = {}
  for (const [index, job] of JOBS.entries()) {
    const now = new Date()
    if (job.due && !job.due(now)) {
      jobs[job.name] = 'not due'
      continue
    }
    const until = now.getTime() + (start + RUN_MS - now.getTime()) / (JOBS.length - index)
    try {
      jobs[job.name] = await job.run({ batch: BATCH, hasTime: () => Date.now() < until })
    } catch (error) {
      console.error(`[scheduler] job ${job.name} failed`, error instanceof Error ? error.stack : error)
      jobs[job.name] = 'failed'
    }
  }
  return { ok: true, jobs }
}
