import { _, collections, db, isDuplicateKey, updateOrCreate } from './cloud'

/**
 * When a scheduled job next has work (#25: "a job that finds nothing costs one read at most", and
 * jobs that run every 5 minutes run only while there is something to do). The scheduler reads
 * every marked job's mark in one request and runs a job only when its mark is due; a writer that
 * gives a job work wakes it; after a run that left nothing over, the scheduler sets the mark to
 * when the job's next work falls due (null: none). `seq` counts wakes, so a wake during a run is
 * never overwritten by the run's own idea of what is left.
 */
export type JobMark = { _id: string; dueAt: Date | null; seq: number }

/** Where a job that works through a collection over several runs got to on `day` (China date). */
export type JobCursor = { day: string; after: string }

/** The jobs that keep a mark, and so the writers that must wake them. */
export type MarkedJob = 'rescue' | 'outbox' | 'erasure' | 'activity'

const marks = () => db.collection(collections.jobMarks)

/** A writer gave `job` work: due now. One write (the very first time, up to three). */
export async function wakeJob(job: MarkedJob): Promise<void> {
  await updateOrCreate(collections.jobMarks, job, { dueAt: new Date(), seq: _.inc(1) }, { dueAt: new Date(), seq: 1 })
}

/**
 * A writer gave `job` work that falls due at `at` (a reminder two hours before a start): the mark
 * moves earlier, never later, and counts as a wake so a run under way does not settle over it.
 * One write. A job without a mark yet runs at its next cadence anyway.
 */
export async function wakeJobBy(job: MarkedJob, at: Date): Promise<void> {
  await marks()
    .where(_.or([{ _id: job, dueAt: null }, { _id: job, dueAt: _.gt(at) }]))
    .update({ data: { dueAt: at, seq: _.inc(1) } })
}

/** Every named job's mark, in one read. */
export async function readMarks(jobs: readonly string[]): Promise<Map<string, JobMark>> {
  const { data } = await marks().where({ _id: _.in([...jobs]) }).get<JobMark>()
  return new Map(data.map((mark) => [mark._id, mark]))
}

/** The job's cursor: where its sweep of `day` got to ('' when it has not begun). One read. */
export async function readCursor(job: string, day: string): Promise<string> {
  const { data } = await marks().where({ _id: job }).get<Partial<JobCursor>>()
  return data[0]?.day === day ? data[0].after ?? '' : ''
}

/** Keeps the job's cursor on its mark (creating the mark, due now, when the job has none yet). */
export async function saveCursor(job: string, cursor: JobCursor): Promise<void> {
  await updateOrCreate(collections.jobMarks, job, cursor, { dueAt: new Date(), seq: 0, ...cursor })
}

/** A job without a mark yet (a new deployment) runs, and then gets one. */
export const isDue = (mark: JobMark | undefined, now: Date): boolean => !mark || (mark.dueAt !== null && new Date(mark.dueAt).getTime() <= now.getTime())

/**
 * After a run that left nothing over: the mark says when the job's next work falls due. Unless a
 * writer woke the job meanwhile (`seq` moved): then it stays due, and the next run looks again.
 */
export async function settleMark(job: string, seen: JobMark | undefined, dueAt: Date | null): Promise<void> {
  if (seen) {
    await marks().where({ _id: job, seq: seen.seq }).update({ data: { dueAt } })
    return
  }
  try {
    await marks().add({ data: { _id: job, dueAt, seq: 0 } })
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
    // Created meanwhile: by the job keeping its place (seq 0, settled here), or by a writer's wake
    // (seq 1 and on: it stays due).
    await marks().where({ _id: job, seq: 0 }).update({ data: { dueAt } })
  }
}
