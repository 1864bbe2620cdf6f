import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { FUNCTIONS_DIST_DIR, functionNames } from '../localcloud/function-host'
import { startLocalCloud } from '../localcloud/server'
import { sphereDistance } from '../localcloud/store/geo-index'
import { buildFunctions } from './build-functions'
import { kb, measureWeappPackages } from './weapp-packages'

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

/** Times `runs` sequential calls; `event(i)` and `openid(i)` vary them. Answers [p50, p95]. */
async function time(url: string, fn: string, runs: number, event: (i: number) => object, openid: (i: number) => string): Promise<[number, number]> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    const response = await fetch(`${url}/api/functions/${fn}`, { method: 'POST', headers: { 'x-wx-openid': openid(i) }, body: JSON.stringify(event(i)) })
    const body = (await response.json()) as { ok: boolean; code?: string }
    times.push(performance.now() - start)
    if (!body.ok) throw new Error(`${fn} failed during the bench: ${body.code}`)
  }
  times.sort((a, b) => a - b)
  return [percentile(times, 50), percentile(times, 95)]
}

/** 10,000 wishes spread over the three communities, mostly open, as a busy year would leave. */
function fillWishes(cloud: Awaited<ReturnType<typeof startLocalCloud>>, count: number): string[] {
  const communities = ['gangyue', 'yulan', 'dadu']
  const statuses = ['open', 'open', 'claimed', 'completed', 'completed'] as const
  const ranks = { open: 0, claimed: 1, completed: 3 }
  const now = Date.now()
  const docs = Array.from({ length: count }, (_unused, i) => {
    const status = statuses[i % statuses.length]
    return {
      _id: `bench-wish-${i}`,
      ownerOpenid: `bench-owner-${i % 500}`,
      ownerName: '居民',
      title: `心愿 ${i}`,
      content: '需要志愿者帮忙处理一些生活上的小事情，时间地点可以商量。',
      category: '生活帮扶',
      communityId: communities[i % 3],
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
  cloud.store.insert('users', Array.from({ length: 200 }, (_unused, i) => ({ _id: `bench-volunteer-${i}`, displayName: '志愿者', roles: ['volunteer'], homeCommunityId: 'dadu', staffCommunityIds: [], createdAt: new Date() })))
  return docs.filter((d) => d.status === 'open').map((d) => d._id)
}

/** Round trips over HTTP to the local cloud running the deployable bundles. */
async function latencyRows(): Promise<Row[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'boai-bench-'))
  const cloud = await startLocalCloud({ dataDir, port: 0, functionsFrom: 'dist' })
  await time(cloud.url, 'user', 50, () => ({ action: 'me' }), () => 'demo-staff')
  const me = await time(cloud.url, 'user', 1000, () => ({ action: 'me' }), () => 'demo-staff')

  const open = fillWishes(cloud, 10_000)
  const list = await time(cloud.url, 'wish', 200, (i) => ({ action: 'list', page: 1 + (i % 5), pageSize: 10, ...(i % 2 ? { communityId: 'dadu' } : {}) }), () => 'demo-resident')
  const claim = await time(cloud.url, 'wish', 200, (i) => ({ action: 'claim', wishId: open[i] }), (i) => `bench-volunteer-${i}`)
  await cloud.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
  return [
    ['user.me p50 / p95 (1,000 calls, HTTP)', `${ms(me[0])} / ${ms(me[1])}`],
    ['wish.list p50 / p95 (10,000 wishes, 200 calls)', `${ms(list[0])} / ${ms(list[1])}`],
    ['wish.claim p50 / p95 (10,000 wishes, 200 claims)', `${ms(claim[0])} / ${ms(claim[1])}`],
  ]
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
    const http = await time(cloud.url, 'aed', 200, (i) => ({ action: 'nearby', latitude: queries[i][0], longitude: queries[i][1], limit: 10 }), () => 'demo-resident')
    await cloud.close()
    const label = count.toLocaleString('en')
    rows.push([`aed nearest 10 among ${label}: store geoNear p50 / p95`, `${ms(store[0])} / ${ms(store[1])}`])
    rows.push([`aed nearest 10 among ${label}: linear scan p50 / p95`, `${ms(scan[0])} / ${ms(scan[1])}`])
    rows.push([`aed.nearby over HTTP among ${label} p50 / p95`, `${ms(http[0])} / ${ms(http[1])}`])
  }
  return rows
}

async function main() {
  await buildFunctions()
  const rows = [...weappRows(), ...functionRows(), ...h5Rows(), ...(await latencyRows()), ...(await aedRows())]
  const width = Math.max(...rows.map(([label]) => label.length))
  console.log(`\n| ${'measure'.padEnd(width)} | value |\n|${'-'.repeat(width + 2)}|-------|`)
  for (const [label, value] of rows) console.log(`| ${label.padEnd(width)} | ${value} |`)
  console.log(`\n${os.cpus().length} CPUs, Node ${process.version}`)
}

void main()
