import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildSync } from 'esbuild'
import { FUNCTIONS_SOURCE_DIR, FunctionHost, functionNames, readFunctionConfig } from './function-host'
import { functionsDir, type FunctionFolder } from './function-folders-testing'
import { startTestCloud, type TestCloud } from './testing'

const REPO_ROOT = path.resolve(__dirname, '..')
const OPEN_APIS = ['subscribeMessage.send', 'security.msgSecCheck', 'security.mediaCheckAsync']

const FOREIGN: Record<string, FunctionFolder> = {
  // Any CloudBase function, unchanged: the real wx-server-sdk, its WeChat context, the database.
  whoami: {
    index: `const cloud = require('wx-server-sdk')
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
exports.main = async () => {
  const { data } = await cloud.database().collection('communities').where({ name: '玉兰社区' }).get()
  return { openid: cloud.getWXContext().OPENID, community: data[0] && data[0].name }
}`,
  },
  // Sleeps past its 1 s timeout, then tries to write.
  sleepy: {
    config: { timeout: 1 },
    index: `const cloud = require('wx-server-sdk')
cloud.init()
exports.main = async () => {
  await new Promise((resolve) => setTimeout(resolve, 1500))
  await cloud.database().collection('inbox').add({ data: { openid: 'late-writer' } })
  return { ok: true }
}`,
  },
  // Calls an open API its config.json does not list.
  unlisted: {
    config: { permissions: { openapi: ['subscribeMessage.send'] } },
    index: `const cloud = require('wx-server-sdk')
cloud.init()
exports.main = async (event) => {
  try {
    return await cloud.openapi.security.msgSecCheck({ content: '你好', version: 2, scene: 2, openid: event.openid })
  } catch (error) {
    return { errCode: error.errCode, errMsg: error.errMsg }
  }
}`,
  },
}

let cloud: TestCloud
let foreignDir: string
beforeAll(async () => {
  foreignDir = functionsDir(FOREIGN)
  cloud = await startTestCloud({ extraFunctionDirs: [foreignDir] })
})
afterAll(async () => {
  await cloud.stop()
  fs.rmSync(foreignDir, { recursive: true, force: true })
})

const post = (name: string, openid: string, event: object = {}) =>
  fetch(`${cloud.url}/api/functions/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-wx-openid': openid }, body: JSON.stringify(event) })

// Open APIs need a declaration per function: https://developers.weixin.qq.com/miniprogram/en/dev/wxcloud/guide/openapi/openapi.html
test('every function’s config.json lists exactly the open APIs its bundle calls, with a timeout', () => {
  for (const name of functionNames()) {
    const { outputFiles } = buildSync({
      entryPoints: [path.join(FUNCTIONS_SOURCE_DIR, name, 'index.ts')],
      bundle: true,
      write: false,
      platform: 'node',
      external: ['wx-server-sdk'],
      tsconfig: path.join(REPO_ROOT, 'tsconfig.json'),
      logLevel: 'silent',
    })
    const calls = OPEN_APIS.filter((api) => outputFiles[0].text.includes(`openapi.${api}(`))
    const config = JSON.parse(fs.readFileSync(path.join(FUNCTIONS_SOURCE_DIR, name, 'config.json'), 'utf8')) as { timeout?: number; permissions?: { openapi?: string[] } }
    expect({ name, openapi: [...(config.permissions?.openapi ?? [])].sort(), timeout: typeof config.timeout }).toEqual({ name, openapi: calls.sort(), timeout: 'number' })
  }
})

// Defaults and range: https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/cloudbase/common/getFuncConfig.html
test('without config.json a function gets CloudBase’s 3 s and no open API; a bad timeout stops the start', () => {
  const dir = functionsDir({ plain: { index: 'exports.main = async () => 1' }, bad: { index: 'exports.main = async () => 1', config: { timeout: 0.5 } } })
  try {
    expect(readFunctionConfig(path.join(dir, 'plain'))).toEqual({ timeout: 3, memoryMb: 256, openapi: [], timers: [] })
    expect(() => readFunctionConfig(path.join(dir, 'bad'))).toThrow(/timeout must be whole seconds from 1 to 300/)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
})

test('timer triggers fire on their cron: the scheduler every 5 minutes, a daily one only in its minute (China time)', () => {
  const daily = functionsDir({ daily: { index: 'exports.main = async () => 1', config: { triggers: [{ name: 'morning', type: 'timer', config: '0 0 9 * * * *' }] } } })
  const broken = functionsDir({ broken: { index: 'exports.main = async () => 1', config: { triggers: [{ name: 'often', type: 'timer', config: '0 * * * *' }] } } })
  try {
    expect(() => FunctionHost.load('source', [broken])).toThrow(/7 fields/)
    const host = FunctionHost.load('source', [daily])
    const scheduler = { functionName: 'scheduler', trigger: 'every5Minutes' }
    // 01:00 UTC is 09:00 in China.
    expect(host.firingTimers(new Date('2026-11-24T01:00:30Z'))).toEqual([scheduler, { functionName: 'daily', trigger: 'morning' }])
    expect(host.firingTimers(new Date('2026-11-24T09:00:00Z'))).toEqual([scheduler])
    expect(host.firingTimers(new Date('2026-11-24T13:37:00Z'))).toEqual([])
  } finally {
    for (const dir of [daily, broken]) fs.rmSync(dir, { recursive: true, force: true })
  }
})

describe('FUNCTIONS_DIR', () => {
  test('hosts a foreign function beside ours: its OPENID from the caller, the database through the real wx-server-sdk', async () => {
    const response = await post('whoami', 'wx-stranger')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ openid: 'wx-stranger', community: '玉兰社区' })
    expect(cloud.functions.names()).toEqual(expect.arrayContaining(['user', 'wish', 'whoami', 'sleepy', 'unlisted']))
  })

  test('a name clash with a project function stops the start', () => {
    const dir = functionsDir({ user: { index: 'exports.main = async () => 1' } })
    try {
      expect(() => FunctionHost.load('source', [dir])).toThrow(/a function named user is already hosted/)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  test('a folder that would get another copy of wx-server-sdk is refused (its calls would reach the real CloudBase)', () => {
    const dir = functionsDir({ elsewhere: { index: "require('wx-server-sdk'); exports.main = async () => 1" } }, os.tmpdir())
    try {
      expect(() => FunctionHost.load('source', [dir])).toThrow(/resolves wx-server-sdk to nothing, not the local cloud's/)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

// -504003 "Invoking task timed out after N seconds", as callFunction reports it: https://github.com/Mint-green/UnlearnableWord/issues/10
test('past its config.json timeout an invocation answers 504 with -504003, is logged, and its later writes never happen', async () => {
  const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined)
  try {
    const response = await post('sleepy', 'wx-sleeper')
    expect(response.status).toBe(504)
    expect(await response.json()).toEqual({ errCode: -504003, errMsg: 'Invoking task timed out after 1 seconds' })
    expect(logged).toHaveBeenCalledWith(expect.stringMatching(/^\[localcloud\] sleepy: Invoking task timed out after 1 seconds/))
    await new Promise((resolve) => setTimeout(resolve, 800))
    expect(cloud.docs('inbox').filter((doc) => doc.openid === 'late-writer')).toEqual([])
  } finally {
    logged.mockRestore()
  }
})

// https://docs.cloudbase.net/en/faq/knowledge/cloud-call-604101-permission-error
test('an open API missing from the function’s config.json permissions fails with -604101', async () => {
  const response = await post('unlisted', 'wx-caller', { openid: 'wx-caller' })
  expect(await response.json()).toEqual({ errCode: -604101, errMsg: 'system error: error code: -604101' })
})
