import { readFunctionConfig } from '../../localcloud/function-host'
import { runAs } from '../../localcloud/backend/identity'
import type { Job, JobResult } from './job'

/**
 * Runs one job as the scheduler's invocation would (its open-API permissions), whatever the hour:
 * tests of a feature's job need not wait for its `due` time.
 */
export function runJob(job: Job, { batch = 100, hasTime = () => true }: { batch?: number; hasTime?: () => boolean } = {}): Promise<JobResult> {
  const { openapi } = readFunctionConfig(__dirname)
  return runAs({ openid: '', appid: 'test', functionName: 'scheduler', openapi }, () => job.run({ batch, hasTime }))
}
