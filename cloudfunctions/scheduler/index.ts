import { cloud } from '../_kit/cloud'
import { isDue, readMarks, settleMark, type JobMark } from '../_kit/job-marks'
import { cadencesAt, type Job, type JobResult } from './job'
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

/** The jobs of this run: their cadence is due, and those that keep a mark only when it is (one read for all of them). */
async function dueJobs(at: Date): Promise<{ due: Job[]; marks: Map<string, JobMark> }> {
  const cadences = cadencesAt(at)
  const timely = JOBS.filter((job) => cadences.includes(job.cadence))
  const marked = timely.filter((job) => job.next)
  const marks = marked.length > 0 ? await readMarks(marked.map((job) => job.name)) : new Map<string, JobMark>()
  const now = new Date()
  return { due: timely.filter((job) => !job.next || isDue(marks.get(job.name), now)), marks }
}

/**
 * Timer-triggered every 5 minutes (config.json): runs the jobs whose cadence is due at the time the
 * trigger fired (those that keep a mark only when it says they have work), one after the other,
 * each within an equal share of the time left. One failing job does not stop the others. Callers
 * from the app (with an OPENID) are refused: only the platform's timer runs this.
 */
export async function main(event: TimerEvent): Promise<{ ok: boolean; jobs?: Report }> {
  if (cloud.getWXContext().OPENID) return { ok: false }
  const { due, marks } = await dueJobs(firedAt(event))
  const start = Date.now()
  const jobs: Report = {}
  for (const [index, job] of due.entries()) {
    const now = Date.now()
    const until = now + (start + RUN_MS - now) / (due.length - index)
    try {
      const result = await job.run({ batch: BATCH, hasTime: () => Date.now() < until })
      // Work left over keeps the mark due; otherwise it moves to when the next work falls due.
      if (job.next && !result.more) await settleMark(job.name, marks.get(job.name), await job.next())
      jobs[job.name] = result
    } catch (error) {
      console.error(`[scheduler] job ${job.name} failed`, error instanceof Error ? error.stack : error)
      jobs[job.name] = 'failed'
    }
  }
  return { ok: true, jobs }
}
