import path from 'node:path'
import type { Job, JobResult } from '../cloudfunctions/scheduler/job'
import { runAs } from './backend/identity'
import { readFunctionConfig } from './function-host'

const SCHEDULER_DIR = path.join(__dirname, '..', 'cloudfunctions', 'scheduler')

/**
 * Runs one job as the scheduler's invocation would (its open-API permissions), whatever the hour:
 * tests of a feature's job need not wait for its `due` time. It lives in the local cloud because
 * the functions know nothing of how they are hosted.
 */
export function runJob(job: Job, { batch = 100, hasTime = () => true }: { batch?: number; hasTime?: () => boolean } = {}): Promise<JobResult> {
  const { openapi } = readFunctionConfig(SCHEDULER_DIR)
  return runAs({ openid: '', appid: 'test', functionName: 'scheduler', openapi }, () => job.run({ batch, hasTime }))
}

/** A timer run at 09:00 China time: the scheduler's daily and hourly jobs run then, besides the frequent ones. */
export const NINE_IN_CHINA = '2026-12-03T01:00:00.000Z'
