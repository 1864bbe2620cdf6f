import { cloud } from '../_kit/cloud'
import { cadencesAt, type JobResult } from './job'
import { JOBS } from './jobs'

/** config.json's timeout is 60 s: the jobs stop 10 s before it, leaving the rest for their next run. */
const RUN_MS = 50_000
/** Items per sweep of a job in one run. */
const BATCH = 100

type Report = Record<string, JobResult | 'failed'>
/** What CloudBase's timer sends: `Time` is when the trigger fired (ISO 8601). */
type TimerEvent = { Type?: unknown; TriggerName?: unknown; Time?: unknown }

function firedAt(event: TimerEvent): Date {
  const at = typeof event.Time === 'string' ? new Date(event.Time) : new Date(NaN)
  return Number.isNaN(at.getTime()) ? new Date() : at
}

/**
 * Timer-triggered every 5 minutes (config.json): runs the jobs whose cadence is due at the time the
 * trigger fired, one after the other, each within an equal share of the time left. One failing job
 * does not stop the others. Callers from the app (with an OPENID) are refused: only the platform's
 * timer runs this.
 */
export async function main(event: TimerEvent): Promise<{ ok: boolean; jobs?: Report }> {
  if (cloud.getWXContext().OPENID) return { ok: false }
  const cadences = cadencesAt(firedAt(event))
  const due = JOBS.filter((job) => cadences.includes(job.cadence))
  const start = Date.now()
  const jobs: Report = {}
  for (const [index, job] of due.entries()) {
    const now = Date.now()
    const until = now + (start + RUN_MS - now) / (due.length - index)
    try {
      jobs[job.name] = await job.run({ batch: BATCH, hasTime: () => Date.now() < until })
    } catch (error) {
      console.error(`[scheduler] job ${job.name} failed`, error instanceof Error ? error.stack : error)
      jobs[job.name] = 'failed'
    }
  }
  return { ok: true, jobs }
}
