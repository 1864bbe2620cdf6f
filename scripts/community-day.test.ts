import { BASIC_PLAN_PER_DAY, shareOfQuota } from '../localcloud/quota'
import { startTestCloud, type TestCloud } from '../localcloud/testing'
import { JOBS } from '../cloudfunctions/scheduler/jobs'
import { PHOTO_PLACES } from '../cloudfunctions/_kit/photo-places'
import { REQUESTS_PER_COMMUNITY } from '../cloudfunctions/stats/recompute'
import { timersForADay } from './community-day'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
})
afterAll(() => cloud.stop())

test('the idle day: 1,440 minutes of timers on the seeded data cost at most 5% of each 基础版 quota (#25)', async () => {
  cloud.usage.reset()
  await timersForADay(cloud)
  const { total, functions } = cloud.usage.report()
  // One run every 5 minutes; the runs on the hour also do the hourly jobs, the one at 09:00 the daily ones.
  const runs = cloud.usage.invocations()
  expect(functions.scheduler.invocations).toBe(288)
  expect(runs).toHaveLength(288)
  const onTheHour = runs.filter((_, index) => index % 12 === 0 && index !== 9 * 12)
  const between = runs.filter((_, index) => index % 12 !== 0)
  // A job that finds nothing reads once, every run the frequent ones; on the hour the wish job reads
  // twice (claims past their deadline, wishes past their date) and the photo job once per place (side by side);
  // the 家园数据 job derives each community's figures again (one read of the communities, then its counts).
  const often = JOBS.filter((job) => job.cadence === 'often').length
  const stats = 1 + cloud.docs('communities').length * REQUESTS_PER_COMMUNITY
  expect(Math.max(...between.map((run) => run.requests))).toBeLessThanOrEqual(often)
  expect(Math.max(...onTheHour.map((run) => run.requests))).toBeLessThanOrEqual(often + 2 + PHOTO_PLACES.length + stats)
  const share = shareOfQuota(total)
  for (const figure of Object.keys(BASIC_PLAN_PER_DAY) as Array<keyof typeof share>) expect(share[figure]).toBeLessThanOrEqual(0.05)
}, 120_000)
