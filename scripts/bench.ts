import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { FUNCTIONS_DIST_DIR, functionNames } from '../localcloud/function-host'
import { startLocalCloud } from '../localcloud/server'
import { sphereDistance } from '../localcloud/store/geo-index'
import { ownedId } from '../cloudfunctions/_kit/ids'
import { BASIC_PLAN_PER_DAY, shareOfQuota } from '../localcloud/quota'
import type { Usage } from '../localcloud/usage'
import { buildFunctions } from './build-functions'
import { aedSpreadsheet } from './import-sample'
import { dispatchRows } from './bench-dispatch'
import { communityDay, DAY, timersForADay } from './community-day'
import { kb, measureWeappPackages } from './weapp-packages'
import { todayInChina } from '@/domain/dates'

/**
 * `npm run bench`: what users feel, measured. Needs the weapp and H5 production builds
 * (the npm script makes them first).
 */
const root = path.resolve(__dirname, '..')
type Row = [string, string]

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

const ms = (value: number) => `${value.toFixed(2)} ms`

function weappRows(): Row[] {
  return measureWeappPackages().map(({ name, bytes }) => [`weapp ${name === 'main' ? 'main package' : name}`, kb(bytes)])
}

/** Load time of each deployable bundle in a fresh Node process (wx-server-sdk included: the cold start). */
function functionRows(): Row[] {
  return functionNames().flatMap((name) => {
    const entry = path.join(FUNCTIONS_DIST_DIR, name, 'index.js')
    const probe = `const t=process.hrtime.bigint();require(${JSON.stringify(entry)});console.log(Number(process.hrtime.bigint()-t)/1e6)`
    const runs = Array.from({ length: 5 }, () => Number(spawnSync(process.execPath, ['-e', probe], { cwd: root, encoding: 'utf8' }).stdout.trim()))
    runs.sort((a, b) => a - b)
    return [
      [`cloudfunction ${name} bundle`, kb(fs.statSync(entry).size)],
      [`cloudfunction ${name} module load (median of 5)`, ms(runs[2])],
    ] as Row[]
  })
}

/** The JS the H5 index.html loads before the first page renders. */
function h5Rows(): Row[] {
  const dir = path.join(root, 'dist', 'h5')
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8')
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => fs.readFileSync(path.join(dir, m[1].replace(/^\//, ''))))
  const raw = scripts.reduce((sum, file) => sum + file.length, 0)
  const gzipped = scripts.reduce((sum, file) => sum + zlib.gzipSync(file, { level: 9 }).length, 0)
  return [
    ['H5 first-load JS (raw)', kb(raw)],
    ['H5 first-load JS (gzip)', kb(gzipped)],
  ]
}

type Cloud = Awaited<ReturnType<typeof startLocalCloud>>
type Call = { fn: string; event: object; openid: string }
type Timing = { p50: number; p95: number; requests: number; roundTrips: number }

/**
 * Times sequential calls over HTTP and counts the database requests each makes (the most any
 * call of the series made: a list page must not grow with the data).
 */
async function time(cloud: Cloud, counter: { n: number }, runs: number, call: (i: number) => Call): Promise<Timing> {
  const times: number[] = []
  let requests = 0
  let roundTrips = 0
  for (let i = 0; i < runs; i++) {
    const { fn, event, openid } = call(i)
    counter.n = 0
    const start = performance.now()
    const response = await fetch(`${cloud.url}/api/functions/${fn}`, { method: 'POST', headers: { 'x-wx-openid': openid }, body: JSON.stringify(event) })
    const body = (await response.json()) as { ok: boolean; code?: string; message?: string }
    times.push(performance.now() - start)
    requests = Math.max(requests, counter.n)
    roundTrips = Math.max(roundTrips, cloud.usage.invocations().at(-1)?.roundTrips ?? 0)
    if (!body.ok) throw new Error(`${fn} failed during the bench: ${body.code} ${body.message}`)
  }
  times.sort((a, b) => a - b)
  return { p50: percentile(times, 50), p95: percentile(times, 95), requests, roundTrips }
}

const VOLUNTEERS = 300

/** 10,000 wishes spread over the three communities, mostly open, as a busy year would leave. */
function fillWishes(cloud: Cloud, count: number): Array<{ _id: string; ownerOpenid: string; communityId: string }> {
  const communities = [['gangyue', '港越社区'], ['yulan', '玉兰社区'], ['dadu', '大渡社区']]
  const statuses = ['open', 'open', 'claimed', 'completed', 'completed'] as const
  const ranks = { open: 0, claimed: 1, completed: 3 }
  const now = Date.now()
  const docs = Array.from({ length: count }, (_unused, i) => {
    const status = statuses[i % statuses.length]
    const [communityId, communityName] = communities[i % 3]
    return {
      _id: `bench-wish-${i}`,
      ownerOpenid: `bench-owner-${i % 500}`,
      ownerName: '居民',
      title: `心愿 ${i}`,
      content: '需要志愿者帮忙处理一些生活上的小事情，时间地点可以商量。',
      category: '生活帮扶',
      communityId,
      communityName,
      hours: 1,
      images: [],
      contactPhone: '13800000000',
      dueDate: null,
      status,
      rank: ranks[status],
      claimerOpenid: null,
      claimerName: null,
      claimedAt: null,
      claimDeadline: null,
      fulfilment: null,
      thanks: null,
      history: [],
      createdAt: new Date(now - i * 60_000),
    }
  })
  cloud.store.insert('wishes', docs)
  const volunteers = Array.from({ length: VOLUNTEERS }, (_unused, i) => `bench-volunteer-${i}`)
  cloud.store.insert('users', volunteers.map((_id) => ({ _id, displayName: '志愿者', roles: ['volunteer'], homeCommunityId: 'dadu', staffCommunityIds: [], createdAt: new Date() })))
  // People who have opened the app before (user.me made their record) and post today's first wish.
  cloud.store.insert('users', Array.from({ length: VOLUNTEERS }, (_unused, i) => ({ _id: `bench-poster-${i}`, displayName: '居民', roles: [], homeCommunityId: 'dadu', staffCommunityIds: [], createdAt: new Date() })))
  cloud.store.insert('volunteers', volunteers.map((openid) => ({ _id: ownedId('vo', openid), openid, status: 'active', name: '志愿者', communityId: 'dadu', hours: 0, points: 0, registeredAt: new Date() })))
  return docs.filter((d) => d.status === 'open')
}

/**
 * Each user-facing action with CloudBase-like database latency (10 ms a request): its database
 * requests per call and its p50 / p95 over HTTP, with 10,000 wishes in the store.
 */
async function actionRows(): Promise<Row[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'boai-bench-'))
  const counter = { n: 0 }
  const cloud = await startLocalCloud({ dataDir, port: 0, functionsFrom: 'dist', dbLatencyMs: 10, onDatabaseRequest: () => (counter.n += 1) })
  const open = fillWishes(cloud, 10_000)
  // The bench's volunteers are active in 大渡: they claim 大渡's wishes (a volunteer acts where they are active, #20).
  const daduOpen = open.filter((wish) => wish.communityId === 'dadu')
  const volunteer = (i: number) => `bench-volunteer-${i}`
  const runs = 100
  const rows: Array<[string, Timing]> = []
  const measure = async (label: string, call: (i: number) => Call) => rows.push([label, await time(cloud, counter, runs, call)])
  await time(cloud, counter, 20, () => ({ fn: 'user', event: { action: 'me' }, openid: 'demo-staff' })) // warm-up
  await measure('user.me', () => ({ fn: 'user', event: { action: 'me' }, openid: 'demo-staff' }))
  await measure('wish.list', (i) => ({ fn: 'wish', event: { action: 'list', page: 1 + (i % 5), pageSize: 10, ...(i % 2 ? { communityId: 'dadu' } : {}) }, openid: 'demo-resident' }))
  await measure('wish.get', (i) => ({ fn: 'wish', event: { action: 'get', wishId: open[i]._id }, openid: 'demo-resident' }))
  await measure('wish.create', (i) => ({
    fn: 'wish',
    event: { action: 'create', title: '帮忙换楼道灯泡', content: '3幢2单元楼道的灯坏了，晚上下楼不方便，希望有人帮忙换一下。', category: '生活帮扶', communityId: 'dadu', images: [], contactPhone: '13957500088' },
    openid: `bench-poster-${i}`,
  }))
  await measure('wish.claim', (i) => ({ fn: 'wish', event: { action: 'claim', wishId: daduOpen[i]._id }, openid: volunteer(i) }))
  await measure('wish.fulfil', (i) => ({ fn: 'wish', event: { action: 'fulfil', wishId: daduOpen[i]._id, note: '已经帮忙换好了灯泡。', photos: [], minutes: 30 }, openid: volunteer(i) }))
  await measure('wish.confirm', (i) => ({ fn: 'wish', event: { action: 'confirm', wishId: daduOpen[i]._id, thanks: '谢谢！' }, openid: daduOpen[i].ownerOpenid }))
  await measure('aed.nearby', (i) => ({ fn: 'aed', event: { action: 'nearby', latitude: 30.06 + (i % 10) / 1000, longitude: 120.5, limit: 10 }, openid: 'demo-resident' }))
  await measure('lesson.list', () => ({ fn: 'lesson', event: { action: 'list' }, openid: 'demo-resident' }))
  await measure('notify.inbox', () => ({ fn: 'notify', event: { action: 'inbox', page: 1, pageSize: 20 }, openid: open[0].ownerOpenid }))
  await measure('member.mine', () => ({ fn: 'member', event: { action: 'mine' }, openid: 'demo-member' }))
  // 家园数据 over the 10,000 wishes and 300 volunteers, once the daily job (09:00 China time) has derived them.
  await cloud.functions.invoke('scheduler', { Type: 'Timer', TriggerName: 'jobs', Time: '2026-12-03T01:00:00.000Z' }, '')
  const year = Number(todayInChina().slice(0, 4))
  await measure('stats.community', (i) => ({ fn: 'stats', event: { action: 'community', communityId: ['gangyue', 'yulan', 'dadu'][i % 3], year }, openid: 'demo-resident' }))
  await measure('community.home', (i) => ({ fn: 'community', event: { action: 'home', communityId: ['gangyue', 'yulan', 'dadu'][i % 3] }, openid: 'demo-resident' }))
  // The app's one call at opening: the person, their home section, the unread count (the templates once a day).
  await measure('user.open', (i) => ({ fn: 'user', event: { action: 'open', templates: i % 5 === 0 }, openid: 'demo-resident' }))
  // Every queue of the 工作台 in one call: one count per queue side by side (photos: one per collection holding photos).
  await measure('community.dashboard', () => ({ fn: 'community', event: { action: 'dashboard' }, openid: 'demo-staff' }))
  await cloud.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
  return rows.map(([label, { p50, p95, requests, roundTrips }]) => [`${label}: database requests / sequential round trips / p50 / p95 (DB_LATENCY_MS=10)`, `${requests} / ${roundTrips} / ${ms(p50)} / ${ms(p95)}`])
}

/** Times a synchronous step `runs` times. Answers [p50, p95] in ms. */
function timeSync(runs: number, step: (i: number) => unknown): [number, number] {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    step(i)
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return [percentile(times, 50), percentile(times, 95)]
}

/**
 * aed.nearby as the number of AEDs grows: through the store's own query path (geoNear on its
 * grid index), the same question answered by a linear scan, and the whole function over HTTP.
 */
async function aedRows(): Promise<Row[]> {
  const rows: Row[] = []
  for (const count of [1_000, 10_000, 100_000]) {
    const cloud = await startLocalCloud({ dataDir: null, port: 0, functionsFrom: 'dist', seed: false })
    let seed = count
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647)
    // Spread over about 100 × 100 km around 柯桥区.
    const docs = Array.from({ length: count }, (_unused, i) => ({
      _id: `bench-aed-${i}`,
      name: `AED ${i}`,
      communityId: 'dadu',
      location: { type: 'Point', coordinates: [120.0 + rand(), 29.6 + rand() * 0.9] },
      address: '柯桥区',
      landmark: '',
      placement: 'outdoor',
      floor: '',
      hours: { always: true },
      status: 'available',
      verified: true,
      padsExpiry: '2030-01-01',
      batteryExpiry: '2030-01-01',
      lastInspection: '2026-11-01',
      history: [],
    }))
    cloud.store.insert('aeds', docs)
    const queries = Array.from({ length: 500 }, () => [30.0 + rand() * 0.1, 120.45 + rand() * 0.1] as const)
    const store = timeSync(500, (i) =>
      cloud.store.find('aeds', { verified: true, location: { $nearSphere: { $geometry: { type: 'Point', coordinates: [queries[i][1], queries[i][0]] }, $maxDistance: 5000 } } }, { limit: 10 }),
    )
    const all = cloud.store.find('aeds', {})
    const scan = timeSync(50, (i) =>
      all
        .filter((d) => d.verified === true)
        .map((d) => ({ d, m: sphereDistance(queries[i][0], queries[i][1], (d.location as { coordinates: number[] }).coordinates[1], (d.location as { coordinates: number[] }).coordinates[0]) }))
        .filter((x) => x.m <= 5000)
        .sort((a, b) => a.m - b.m)
        .slice(0, 10),
    )
    const http = await time(cloud, { n: 0 }, 200, (i) => ({ fn: 'aed', event: { action: 'nearby', latitude: queries[i][0], longitude: queries[i][1], limit: 10 }, openid: 'demo-resident' }))
    await cloud.close()
    const label = count.toLocaleString('en')
    rows.push([`aed nearest 10 among ${label}: store geoNear p50 / p95`, `${ms(store[0])} / ${ms(store[1])}`])
    rows.push([`aed nearest 10 among ${label}: linear scan p50 / p95`, `${ms(scan[0])} / ${ms(scan[1])}`])
    rows.push([`aed.nearby over HTTP among ${label} p50 / p95`, `${ms(http.p50)} / ${ms(http.p95)}`])
  }
  return rows
}

/**
 * A district's AED spreadsheet of 5,000 rows (issue #27's bound), uploaded through the local
 * upload endpoint as staff do, previewed and committed with CloudBase-like latency: rows a second.
 */
async function importRows(): Promise<Row[]> {
  const cloud = await startLocalCloud({ dataDir: null, port: 0, functionsFrom: 'dist', dbLatencyMs: 10 })
  cloud.store.insert('communities', [{ _id: 'bench-import', name: '导入社区', code: 'BI', district: '绍兴市柯桥区', edition: '3.0', location: { latitude: 29.5, longitude: 119.5 }, volunteerApprovalRequired: false }])
  cloud.store.insert('users', [{ _id: 'bench-importer', displayName: '导入员', roles: ['staff'], homeCommunityId: 'bench-import', staffCommunityIds: ['bench-import'], createdAt: new Date() }])
  const rows = 5_000
  const headers = { 'x-wx-openid': 'bench-importer' }
  const uploaded = await fetch(`${cloud.url}/api/storage/upload?cloudPath=imports/bench.xlsx`, { method: 'POST', headers, body: new Uint8Array(await aedSpreadsheet(rows, { latitude: 29.5, longitude: 119.5 })) })
  const { fileID } = (await uploaded.json()) as { fileID: string }
  const call = async (event: Record<string, unknown>) => {
    const start = performance.now()
    const response = await fetch(`${cloud.url}/api/functions/import`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(event) })
    const envelope = (await response.json()) as { ok: boolean; data?: { importId: string; added: number } }
    if (!envelope.ok || !envelope.data) throw new Error(`import ${String(event.action)} failed: ${JSON.stringify(envelope)}`)
    return { data: envelope.data, ms: performance.now() - start }
  }
  const preview = await call({ action: 'preview', kind: 'aeds', communityId: 'bench-import', fileID, fileName: 'bench.xlsx' })
  const commit = await call({ action: 'commit', importId: preview.data.importId })
  await cloud.close()
  const rate = (t: number) => `${Math.round(rows / (t / 1000))} rows/s (${(t / 1000).toFixed(1)} s)`
  return [
    [`import.preview of ${rows.toLocaleString('en')} AED rows (DB_LATENCY_MS=10)`, rate(preview.ms)],
    [`import.commit of ${rows.toLocaleString('en')} AED rows (DB_LATENCY_MS=10)`, rate(commit.ms)],
  ]
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`

/** A day's usage beside the 基础版 quota's day (localcloud/quota.ts has the table and its source). */
function quotaRows(label: string, day: Usage): Row[] {
  const share = shareOfQuota(day)
  const figure = (value: number) => (Number.isInteger(value) ? value.toLocaleString('en') : value.toFixed(1))
  return (Object.keys(BASIC_PLAN_PER_DAY) as Array<keyof Usage>).map((key) => [
    `${label}: ${key} (基础版 ${figure(BASIC_PLAN_PER_DAY[key])}/day)`,
    `${figure(day[key])} = ${percent(share[key])}`,
  ])
}

/**
 * The idle day (timers only) and the 大渡 day (scripts/community-day.ts has the model), metered in
 * CloudBase's units with database requests taking 10 ms, as billed run time there would.
 */
async function dayRows(): Promise<Row[]> {
  const run = async (day: (cloud: Cloud) => Promise<void>) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'boai-day-'))
    const cloud = await startLocalCloud({ dataDir, port: 0, functionsFrom: 'dist', dbLatencyMs: 10, mediaPushDelayMs: 0 })
    cloud.usage.reset()
    await day(cloud)
    const usage = cloud.usage.report().total
    await cloud.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
    return usage
  }
  const idle = await run(timersForADay)
  const busy = await run(communityDay)
  return [...quotaRows('idle day (timers only)', idle), ...quotaRows(`大渡 day (${DAY.opens.toLocaleString('en')} app opens …)`, busy)]
}

async function main() {
  await buildFunctions()
  const rows = [...weappRows(), ...functionRows(), ...h5Rows(), ...(await actionRows()), ...(await aedRows()), ...(await importRows()), ...(await dispatchRows()), ...(await dayRows())]
  const width = Math.max(...rows.map(([label]) => label.length))
  console.log(`\n| ${'measure'.padEnd(width)} | value |\n|${'-'.repeat(width + 2)}|-------|`)
  for (const [label, value] of rows) console.log(`| ${label.padEnd(width)} | ${value} |`)
  console.log(`\n${os.cpus().length} CPUs, Node ${process.version}`)
}

void main()
