import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { FUNCTIONS_DIST_DIR, functionNames } from '../localcloud/function-host'
import { startLocalCloud } from '../localcloud/server'
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

/** Round trips over HTTP to the local cloud running the deployable bundles. */
async function latencyRows(): Promise<Row[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'boai-bench-'))
  const cloud = await startLocalCloud({ dataDir, port: 0, functionsFrom: 'dist' })
  const call = () =>
    fetch(`${cloud.url}/api/functions/user`, { method: 'POST', headers: { 'x-wx-openid': 'demo-staff' }, body: '{"action":"me"}' }).then((r) => r.json())
  for (let i = 0; i < 50; i++) await call()
  const times: number[] = []
  for (let i = 0; i < 1000; i++) {
    const start = performance.now()
    await call()
    times.push(performance.now() - start)
  }
  await cloud.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
  times.sort((a, b) => a - b)
  return [
    ['user.me p50 (1,000 calls, HTTP)', ms(percentile(times, 50))],
    ['user.me p95 (1,000 calls, HTTP)', ms(percentile(times, 95))],
  ]
}

async function main() {
  await buildFunctions()
  const rows = [...weappRows(), ...functionRows(), ...h5Rows(), ...(await latencyRows())]
  const width = Math.max(...rows.map(([label]) => label.length))
  console.log(`\n| ${'measure'.padEnd(width)} | value |\n|${'-'.repeat(width + 2)}|-------|`)
  for (const [label, value] of rows) console.log(`| ${label.padEnd(width)} | ${value} |`)
  console.log(`\n${os.cpus().length} CPUs, Node ${process.version}`)
}

void main()
