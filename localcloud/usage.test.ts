import fs from 'node:fs'
import { functionsDir } from './function-folders-testing'
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
