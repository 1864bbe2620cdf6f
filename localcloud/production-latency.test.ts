import fs from 'node:fs'
import { parseLatency } from './backend/latency'
import { functionsDir } from './function-folders-testing'
import { startTestCloud, type TestCloud } from './testing'

const OPENAPI_LATENCY = '100-300'
const COLD_START = 1200

const FOLDERS = {
  // Times one open-API call and one storage call from inside a function.
  probe: {
    config: { permissions: { openapi: ['security.msgSecCheck'] } },
    index: `const cloud = require('wx-server-sdk')
cloud.init()
const timed = async (call) => { const start = Date.now(); await call(); return Date.now() - start }
exports.main = async (event) => ({
  msgSecCheck: await timed(() => cloud.openapi.security.msgSecCheck({ content: '你好', version: 2, scene: 2, openid: event.openid })),
  getTempFileURL: await timed(() => cloud.getTempFileURL({ fileList: ['cloud://local-boai/nothing.jpg'] })),
  refused: await timed(() => cloud.openapi.security.msgSecCheck({ content: '', version: 2, scene: 2, openid: event.openid }).catch(() => undefined)),
})`,
  },
  hello: { index: `exports.main = async () => ({ hello: true })` },
  twin: { index: `exports.main = async () => { await new Promise((resolve) => setTimeout(resolve, 100)); return { twin: true } }` },
  // Its module takes 300 ms to load, as a large bundle would.
  heavy: {
    index: `globalThis.__heavyLoaded = true
const until = Date.now() + 300
while (Date.now() < until) {}
exports.main = async () => ({ heavy: true })`,
  },
  // Starts slower than its 1 s timeout allows.
  tight: { config: { timeout: 1 }, index: `exports.main = async () => ({ tight: true })` },
}

let cloud: TestCloud
let dir: string
beforeAll(async () => {
  dir = functionsDir(FOLDERS)
  cloud = await startTestCloud({ seed: false, openApiLatencyMs: OPENAPI_LATENCY, coldStartMs: COLD_START, extraFunctionDirs: [dir] })
})
afterAll(async () => {
  await cloud.stop()
  fs.rmSync(dir, { recursive: true, force: true })
})

async function timedPost(name: string, event: object = {}): Promise<{ status: number; body: unknown; ms: number }> {
  const start = Date.now()
  const response = await fetch(`${cloud.url}/api/functions/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-wx-openid': 'wx-latency' }, body: JSON.stringify(event) })
  return { status: response.status, body: await response.json(), ms: Date.now() - start }
}

test('OPENAPI_LATENCY_MS and COLD_START_MS take a number or a range, like DB_LATENCY_MS', () => {
  expect(() => parseLatency('fast', 'OPENAPI_LATENCY_MS')).toThrow(/^OPENAPI_LATENCY_MS must be a number of milliseconds or a range/)
  expect(() => parseLatency('300-100', 'COLD_START_MS')).toThrow(/COLD_START_MS range 300-100 runs backwards/)
  const draw = parseLatency('100-300', 'OPENAPI_LATENCY_MS')
  const draws = Array.from({ length: 200 }, draw)
  expect(Math.min(...draws)).toBeGreaterThanOrEqual(100)
  expect(Math.max(...draws)).toBeLessThanOrEqual(300)
})

// WeChat's open APIs and cloud storage answer over the network, as CloudBase's database does.
test(`every open-API and storage call takes its round trip (OPENAPI_LATENCY_MS=${OPENAPI_LATENCY}), a refused one too`, async () => {
  const { body } = await timedPost('probe', { openid: 'wx-latency' })
  const { msgSecCheck, getTempFileURL, refused } = body as Record<string, number>
  // setTimeout may fire a millisecond early by Date.now()'s rounding.
  for (const ms of [msgSecCheck, getTempFileURL, refused]) {
    expect(ms).toBeGreaterThanOrEqual(99)
    expect(ms).toBeLessThan(600)
  }
})

// An instance serves one invocation at a time; a new one starts cold: https://docs.cloudbase.net/practices/scf-preset-concurrency
// (云函数遵循一个并发实例同一时刻仅处理一个事件), https://tencentcloud.com/document/product/583/9694 (instance startup adds time to the invocation that triggers it).
test('the first invocation of a function starts an instance (COLD_START_MS); the next one finds it warm', async () => {
  const first = await timedPost('hello')
  const second = await timedPost('hello')
  expect(first).toMatchObject({ status: 200, body: { hello: true } })
  expect(first.ms).toBeGreaterThanOrEqual(COLD_START - 1)
  expect(second).toMatchObject({ status: 200, body: { hello: true } })
  expect(second.ms).toBeLessThan(COLD_START / 2)
})

test('two invocations at once need two instances: both start cold; afterwards both are warm', async () => {
  const cold = await Promise.all([timedPost('twin'), timedPost('twin')])
  expect(cold.map((call) => call.ms >= COLD_START - 1)).toEqual([true, true])
  const warm = await Promise.all([timedPost('twin'), timedPost('twin')])
  expect(warm.map((call) => call.ms < COLD_START / 2)).toEqual([true, true])
})

test('a bundle is required on its first invocation, and its load time is part of that invocation', async () => {
  expect((globalThis as { __heavyLoaded?: boolean }).__heavyLoaded).toBeUndefined()
  const first = await timedPost('heavy')
  expect(first).toMatchObject({ status: 200, body: { heavy: true } })
  expect(first.ms).toBeGreaterThanOrEqual(COLD_START + 300 - 1)
  expect((await timedPost('heavy')).ms).toBeLessThan(COLD_START / 2)
})

// Counted inside the timeout: stricter than SCF's separate initialization timeout
// (https://tencentcloud.com/document/product/583/9694); the caller waits for both either way.
test('the start-up counts against the timeout: a function that cannot start within it answers 504 / -504003', async () => {
  const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined)
  try {
    const first = await timedPost('tight')
    expect(first).toMatchObject({ status: 504, body: { errCode: -504003, errMsg: 'Invoking task timed out after 1 seconds' } })
    expect(first.ms).toBeLessThan(COLD_START)
  } finally {
    logged.mockRestore()
  }
})
