import fs from 'node:fs'
import { functionsDir } from './function-folders-testing'
import { BASIC_PLAN_PER_DAY, shareOfQuota } from './quota'
import { startTestCloud, type TestCloud } from './testing'
import type { InvocationUsage, UsageReport } from './usage'

/**
 * A function whose database requests are known: 4 reads and 3 writes in 5 sequential round trips
 * (the three reads in the middle go side by side).
 */
const METERED = `const cloud = require('wx-server-sdk')
cloud.init()
exports.main = async () => {
  const db = cloud.database()
  const communities = db.collection('communities')
  await communities.doc('dadu').get()
  await Promise.all([communities.where({ _id: 'dadu' }).count(), communities.doc('yulan').get(), communities.doc('gangyue').get()])
  const inbox = db.collection('inbox')
  const { _id } = await inbox.add({ data: { openid: 'metered', body: '计量' } })
  await inbox.doc(_id).update({ data: { body: '计量二' } })
  await inbox.doc(_id).remove()
  return 'done'
}`

let cloud: TestCloud
let dir: string
beforeAll(async () => {
  dir = functionsDir({ metered: { index: METERED, config: { timeout: 3, memorySize: 128 } } })
  cloud = await startTestCloud({ extraFunctionDirs: [dir] })
})
afterAll(async () => {
  await cloud.stop()
  fs.rmSync(dir, { recursive: true, force: true })
})

const get = async (path: string) => (await fetch(`${cloud.url}${path}`)).json() as Promise<UsageReport>
const post = (path: string) => fetch(`${cloud.url}${path}`, { method: 'POST' })

test('counts reads and writes per request, invocations, GB-s and round trips of a known sequence', async () => {
  expect((await post('/api/dev/usage/reset')).status).toBe(200)
  await cloud.functions.invoke('metered', {}, 'wx-meter')
  await cloud.functions.invoke('metered', {}, 'wx-meter')
  const report = await get('/api/dev/usage')
  const runs = cloud.usage.invocations()
  expect(runs.map(({ functionName, requests, roundTrips }) => ({ functionName, requests, roundTrips }))).toEqual([
    { functionName: 'metered', requests: 7, roundTrips: 5 },
    { functionName: 'metered', requests: 7, roundTrips: 5 },
  ])
  // 128 MB for each run's milliseconds.
  const gbSeconds = runs.reduce((total, run: InvocationUsage) => total + (128 / 1024) * (run.durationMs / 1000), 0)
  expect(report.functions.metered).toEqual({ reads: 8, writes: 6, invocations: 2, gbSeconds: Math.round(gbSeconds * 1000) / 1000 })
  expect(report.total).toEqual(report.functions.metered)
})

test('reset starts the count again; a timer fired through the dev endpoint counts as an invocation of its function', async () => {
  await post('/api/dev/usage/reset')
  expect((await get('/api/dev/usage')).total).toEqual({ reads: 0, writes: 0, invocations: 0, gbSeconds: 0 })
  const fired = await post('/api/dev/timers/scheduler?at=2026-12-03T01:00:00Z')
  expect(fired.status).toBe(200)
  // 09:00 in China: the daily jobs run too.
  expect(await fired.json()).toMatchObject({ trigger: 'every5Minutes', result: { ok: true, jobs: { aed: {}, member: {}, outbox: {} } } })
  expect((await get('/api/dev/usage')).functions.scheduler.invocations).toBe(1)
  expect((await post('/api/dev/timers/wish')).status).toBe(404)
  expect((await post('/api/dev/timers/scheduler?at=yesterday')).status).toBe(400)
})

test('the idle day: 1,440 minutes of timers on the seeded data cost at most 5% of each 基础版 quota (#25)', async () => {
  await post('/api/dev/usage/reset')
  const day = Date.parse('2026-12-03T16:00:00Z') // 00:00 in China
  for (let minute = 0; minute < 1440; minute += 1) {
    const at = new Date(day + minute * 60_000)
    for (const { functionName, trigger } of cloud.functions.firingTimers(at)) {
      await cloud.functions.invoke(functionName, { Type: 'Timer', TriggerName: trigger, Time: at.toISOString() }, '')
    }
  }
  const { total, functions } = await get('/api/dev/usage')
  // One run every 5 minutes; the runs on the hour also do the hourly jobs, the one at 09:00 the daily ones.
  const runs = cloud.usage.invocations()
  expect(functions.scheduler.invocations).toBe(288)
  expect(runs).toHaveLength(288)
  const onTheHour = runs.filter((_, index) => index % 12 === 0 && index !== 9 * 12)
  const between = runs.filter((_, index) => index % 12 !== 0)
  // A job that finds nothing reads once: activity and outbox every run; on the hour the wish job
  // (claims past their deadline, wishes past their date) and the photo job (one read per place, side by side).
  expect(Math.max(...between.map((run) => run.requests))).toBeLessThanOrEqual(2)
  expect(Math.max(...onTheHour.map((run) => run.requests))).toBeLessThanOrEqual(2 + 2 + 5)
  console.log(`idle day: ${JSON.stringify(total)}; share of 基础版: ${JSON.stringify(shareOfQuota(total))}`)
  const share = shareOfQuota(total)
  for (const figure of Object.keys(BASIC_PLAN_PER_DAY) as Array<keyof typeof share>) expect(share[figure]).toBeLessThanOrEqual(0.05)
}, 120_000)
