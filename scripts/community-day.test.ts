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
  // Every run reads the marks of the jobs that keep one (one request for all of them), and a frequent
  // job without a mark reads once; a marked job with nothing to do costs nothing, and the seeded
  // data leaves nothing to do once each has run the first time (the mark read, the job, when its
  // next work is due, the mark written). On the hour the wish job reads twice (claims past their
  // deadline, wishes past their date), the photo job once per place (side by side), and the
  // 家园数据 job once: nobody viewed figures, so no community is derived again until 09:00.
  const often = JOBS.filter((job) => job.cadence === 'often')
  const unmarked = often.filter((job) => !job.next).length
  const hourly = 2 + PHOTO_PLACES.length + 1
  // The first run also derives the seeded stations' figures, which the seed leaves wanted.
  const communities = cloud.docs('communities').length
  expect(runs[0].requests).toBeLessThanOrEqual(1 + unmarked + 3 * (often.length - unmarked) + hourly + communities * REQUESTS_PER_COMMUNITY)
  expect(Math.max(...between.map((run) => run.requests))).toBe(1 + unmarked)
  expect(Math.max(...onTheHour.slice(1).map((run) => run.requests))).toBeLessThanOrEqual(1 + unmarked + hourly)
  // The daily 家园数据 sweep keeps a mark: without one yet it runs at the first run and derives every
  // community (one read of the communities, then their counts), then sleeps until 09:00 by the clock.
  expect(runs[0].requests).toBeGreaterThan(communities * (REQUESTS_PER_COMMUNITY - 2))
  const share = shareOfQuota(total)
  for (const figure of Object.keys(BASIC_PLAN_PER_DAY) as Array<keyof typeof share>) expect(share[figure]).toBeLessThanOrEqual(0.05)
}, 120_000)
