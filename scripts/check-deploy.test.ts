import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  checkCollections,
  checkIndexCount,
  checkEntry,
  checkLockfile,
  checkPackage,
  checkPermissions,
  checkProject,
  checkSettings,
  checkSyntax,
  checkTriggers,
  checkWeappEnvironment,
  cronProblem,
  openApisCalled,
} from './check-deploy'
import { functionLockfile, type Lockfile } from './function-lockfile'

/** A deployable function folder as the build writes it; each test spoils one part. */
const GOOD = {
  // ES2022 syntax Node 16.13 runs (static block, `#x in o`, `??=`), and an open-API call.
  'index.js': [
    "'use strict'",
    'class Cache { static #store; static { Cache.#store = new Map() } static has(o) { return #store in o } }',
    'let limit; limit ??= 3',
    'exports.main = async (event) => { await cloud.openapi.subscribeMessage.send({ touser: event.openid }); return { ok: true, limit } }',
  ].join('\n'),
  'package.json': { name: 'fn', version: '1.0.0', main: 'index.js', dependencies: { 'wx-server-sdk': '4.0.2' } },
  'config.json': {
    timeout: 3,
    memorySize: 128,
    permissions: { openapi: ['subscribeMessage.send'] },
    triggers: [{ name: 'daily', type: 'timer', config: '0 0 9 * * * *' }],
  },
}

type Files = { 'index.js'?: string; 'package.json'?: unknown; 'config.json'?: unknown; 'package-lock.json'?: unknown }

const made: string[] = []

function fixture(overrides: Files = {}, omit: Array<keyof Files> = []): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'check-deploy-'))
  made.push(folder)
  for (const [name, content] of Object.entries({ ...GOOD, ...overrides })) {
    if (omit.includes(name as keyof Files)) continue
    fs.writeFileSync(path.join(folder, name), typeof content === 'string' ? content : JSON.stringify(content))
  }
  return folder
}

afterAll(() => made.forEach((folder) => fs.rmSync(folder, { recursive: true, force: true })))

const config = (changes: Record<string, unknown>) => ({ ...GOOD['config.json'], ...changes })

test('a good function folder passes every check', () => {
  const folder = fixture()
  expect(checkEntry(folder)).toEqual([])
  expect(checkSyntax(folder)).toEqual([])
  expect(checkPackage(folder, '4.0.2')).toEqual([])
  expect(checkSettings(folder)).toEqual([])
  expect(checkTriggers(folder)).toEqual([])
  expect(checkPermissions(folder)).toEqual([])
})

describe('index.js exports main', () => {
  test('an index.js without main fails', () => {
    expect(checkEntry(fixture({ 'index.js': 'exports.handler = async () => 1' }))).toEqual(['index.js exports main as undefined, not a function'])
  })

  test('an index.js that throws while loading fails, with the error', () => {
    expect(checkEntry(fixture({ 'index.js': "throw new TypeError('boom')" }))[0]).toMatch(/cannot be loaded: TypeError: boom/)
  })

  test('a folder without index.js fails', () => {
    expect(checkEntry(fixture({}, ['index.js']))).toEqual(['no index.js'])
  })
})

describe('package.json depends on wx-server-sdk only, pinned as in the root', () => {
  test('an extra dependency fails', () => {
    const folder = fixture({ 'package.json': { dependencies: { 'wx-server-sdk': '4.0.2', lodash: '4.17.21' } } })
    expect(checkPackage(folder, '4.0.2')).toEqual(['depends on lodash besides wx-server-sdk'])
  })

  test('another version of wx-server-sdk fails', () => {
    const folder = fixture({ 'package.json': { dependencies: { 'wx-server-sdk': 'latest' } } })
    expect(checkPackage(folder, '4.0.2')).toEqual(['wx-server-sdk latest, not 4.0.2 as in the root package.json'])
  })

  test('a root version that is a range fails', () => {
    const folder = fixture({ 'package.json': { dependencies: { 'wx-server-sdk': '^4.0.2' } } })
    expect(checkPackage(folder, '^4.0.2')[0]).toMatch(/not an exact version/)
  })
})

describe('config.json timeout and memorySize', () => {
  test('a missing config.json fails', () => {
    expect(checkSettings(fixture({}, ['config.json']))).toEqual(['no config.json'])
  })

  test('a timeout past 60 s or under 1 s, or not whole seconds, fails', () => {
    for (const timeout of [61, 0, 2.5, '3']) expect(checkSettings(fixture({ 'config.json': config({ timeout }) }))[0]).toMatch(/^timeout .* is not whole seconds from 1 to 60$/)
  })

  test('a memorySize CloudBase does not offer fails', () => {
    expect(checkSettings(fixture({ 'config.json': config({ memorySize: 100 }) }))).toEqual(['memorySize 100 is not one of 128, 256, 512, 1024, 2048'])
    expect(checkSettings(fixture({ 'config.json': config({ memorySize: undefined }) }))[0]).toMatch(/memorySize undefined/)
  })
})

describe('timer triggers', () => {
  test('a 6-field cron fails', () => {
    const folder = fixture({ 'config.json': config({ triggers: [{ name: 'daily', type: 'timer', config: '0 9 * * * *' }] }) })
    expect(checkTriggers(folder)).toEqual(['cron "0 9 * * * *" has 6 fields, not 7 (second minute hour day month week year)'])
  })

  test('a function without triggers passes; two triggers, another type or a bad name fail', () => {
    expect(checkTriggers(fixture({ 'config.json': config({ triggers: undefined }) }))).toEqual([])
    const two = [GOOD['config.json'].triggers[0], { ...GOOD['config.json'].triggers[0], name: 'again' }]
    expect(checkTriggers(fixture({ 'config.json': config({ triggers: two }) }))).toEqual(['2 triggers; CloudBase takes one per function'])
    expect(checkTriggers(fixture({ 'config.json': config({ triggers: [{ name: '9am', type: 'cos', config: '0 0 9 * * * *' }] }) }))).toEqual([
      'trigger name "9am" is not valid',
      'trigger type "cos" is not "timer"',
    ])
  })

  test.each(['0 0 2 1 * * *', '*/10 * * * * * *', '0 0 9 * * MON-FRI *', '0 30 8,20 1-15 JAN-DEC * 2025-2099', '0 0 1/2 * * * *'])('cron %s is valid', (cron) => {
    expect(cronProblem(cron)).toBeNull()
  })

  test.each(['0 0 24 * * * *', '60 * * * * * *', '0 0 9 0 * * *', '0 0 9 * 13 * *', '0 0 9 * * 7 *', '0 0 9 * * * 1969', '0 0 9 ? * * *', '0 0 9 * * * * *', 'a b c d e f g'])('cron %s is refused', (cron) => {
    expect(cronProblem(cron)).toMatch(/^cron /)
  })
})

describe('permissions.openapi lists exactly the open APIs called', () => {
  test('finds each call in a bundle, once', () => {
    const code = 'a.openapi.security.msgSecCheck({}); b.openapi.subscribeMessage.send({}); c.openapi.subscribeMessage.send({})'
    expect(openApisCalled(code)).toEqual(['security.msgSecCheck', 'subscribeMessage.send'])
  })

  test('a call without its permission fails', () => {
    const folder = fixture({ 'index.js': `${GOOD['index.js']}\nexports.check = (c) => cloud.openapi.security.msgSecCheck({ content: c })` })
    expect(checkPermissions(folder)).toEqual(['calls security.msgSecCheck without permissions.openapi listing it'])
  })

  test('a permission the bundle never uses fails', () => {
    const folder = fixture({ 'config.json': config({ permissions: { openapi: ['subscribeMessage.send', 'security.mediaCheckAsync'] } }) })
    expect(checkPermissions(folder)).toEqual(['permissions.openapi lists security.mediaCheckAsync, which it never calls'])
  })

  test('no permissions at all while calling fails', () => {
    expect(checkPermissions(fixture({ 'config.json': config({ permissions: undefined }) }))).toEqual(['calls subscribeMessage.send without permissions.openapi listing it'])
  })
})

describe('bundle syntax runs on Node.js 16.13', () => {
  // Each is syntax Node 16 cannot parse (V8 9.4): ES2024 regexp v flag, ES2025 duplicate named
  // groups, explicit resource management, decorators, and top-level await in a CommonJS file.
  test.each([
    ['regexp v flag', 'exports.main = () => /[\\p{L}--[a-z]]/v.test("x")'],
    ['duplicate named capture groups', 'exports.main = () => /(?<y>a)|(?<y>b)/.exec("a")'],
    ['using declaration', 'exports.main = () => { using handle = open(); return handle }'],
    ['decorator', '@sealed class A {}\nexports.main = () => new A()'],
    ['top-level await', 'await Promise.resolve()\nexports.main = () => 1'],
  ])('%s fails', (_name, code) => {
    expect(checkSyntax(fixture({ 'index.js': code }))[0]).toMatch(/^index\.js is not Node 16 syntax: /)
  })
})

describe('project.config.json', () => {
  test('points WeChat DevTools at the built app and functions', () => {
    const root = fixture()
    fs.writeFileSync(path.join(root, 'project.config.json'), JSON.stringify({ miniprogramRoot: 'dist/weapp/', cloudfunctionRoot: './dist/cloudfunctions' }))
    expect(checkProject(root)).toEqual([])
    fs.writeFileSync(path.join(root, 'project.config.json'), JSON.stringify({ miniprogramRoot: 'src/', cloudfunctionRoot: 'cloudfunctions/' }))
    expect(checkProject(root)).toEqual(['cloudfunctionRoot is "cloudfunctions/", not "dist/cloudfunctions/"', 'miniprogramRoot is "src/", not "dist/weapp/"'])
  })
})

describe('database manifest and the collections the functions use', () => {
  test('must name the same collections', () => {
    const folder = fixture()
    const manifest = path.join(folder, 'database.json')
    fs.writeFileSync(manifest, JSON.stringify({ collections: { users: { indexes: [] }, wishes: { indexes: [] } } }))
    expect(checkCollections(manifest, ['wishes', 'users'])).toEqual([])
    expect(checkCollections(manifest, ['users', 'inbox'])).toEqual([
      'inbox is used by the functions but not declared in database.json',
      'wishes is declared in database.json but no function uses it',
    ])
  })

  test('a collection with more indexes than CloudBase creates (20, _id included) fails', () => {
    const folder = fixture()
    const manifest = path.join(folder, 'database.json')
    const indexes = (n: number) => Array.from({ length: n }, (_unused, i) => ({ name: `i${i}`, keys: { [`f${i}`]: 1 } }))
    fs.writeFileSync(manifest, JSON.stringify({ collections: { users: { indexes: indexes(19) }, wishes: { indexes: indexes(20) } } }))
    expect(checkIndexCount(manifest)).toEqual(["wishes declares 20 indexes; with _id that is more than CloudBase's 20 per collection"])
  })
})

describe('package-lock.json pins the tested tree of wx-server-sdk', () => {
  const rootLock: Lockfile = {
    lockfileVersion: 3,
    packages: {
      '': { name: 'app', dependencies: { 'wx-server-sdk': '4.0.2' } },
      'node_modules/wx-server-sdk': { version: '4.0.2', integrity: 'sha512-sdk', dependencies: { protobufjs: '^7.2.4' } },
      'node_modules/protobufjs': { version: '7.6.6', integrity: 'sha512-pb' },
    },
  }
  const tested = functionLockfile(rootLock, 'fn', '4.0.2')

  test('the lock the build writes passes', () => {
    expect(checkLockfile(fixture({ 'package-lock.json': tested }), rootLock, '4.0.2')).toEqual([])
  })

  test('a lock with a drifted version fails, naming the package', () => {
    const drifted = JSON.parse(JSON.stringify(tested)) as Lockfile
    drifted.packages['node_modules/protobufjs'].version = '7.7.0'
    expect(checkLockfile(fixture({ 'package-lock.json': drifted }), rootLock, '4.0.2')).toEqual(['package-lock.json: node_modules/protobufjs 7.7.0, but 7.6.6 was tested'])
  })

  test('a folder without a lock fails (云端安装依赖 would resolve the caret ranges again)', () => {
    expect(checkLockfile(fixture(), rootLock, '4.0.2')).toEqual(['no package-lock.json'])
  })
})

describe('dist/weapp calls a real environment', () => {
  test('a build carrying the old placeholder id or the check-build marker fails, naming the file', () => {
    const weapp = fixture({}, ['index.js', 'package.json', 'config.json'])
    fs.writeFileSync(path.join(weapp, 'app.js'), 'var a = 1')
    fs.mkdirSync(path.join(weapp, 'packages'))
    fs.writeFileSync(path.join(weapp, 'common.js'), 'e.cloud.init({env:"boai-home-prod",traceUser:!0})')
    fs.writeFileSync(path.join(weapp, 'packages', 'x.js'), "init({ env: 'check-build-not-for-upload' })")
    expect(checkWeappEnvironment(weapp)).toEqual([
      'common.js calls the environment "boai-home-prod", a placeholder: rebuild with WX_CLOUD_ENV=<环境 ID> npm run build:weapp',
      'packages/x.js calls the environment "check-build-not-for-upload", a placeholder: rebuild with WX_CLOUD_ENV=<环境 ID> npm run build:weapp',
    ])
  })

  test('a build with a real id passes, and one not built yet is left to the note', () => {
    const weapp = fixture({ 'index.js': 'e.cloud.init({env:"prod-2g5abc1234",traceUser:!0})' }, ['package.json', 'config.json'])
    expect(checkWeappEnvironment(weapp)).toEqual([])
    expect(checkWeappEnvironment(path.join(weapp, 'not-built'))).toEqual([])
  })
})
