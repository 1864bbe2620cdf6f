import fs from 'node:fs'
import path from 'node:path'
import { functionLockfile, lockfileProblems, sdkTree, type Lockfile } from './function-lockfile'

// 云端安装依赖 runs `npm install` in the function folder (https://cloud.tencent.com/document/product/1159/37920);
// npm installs what package-lock.json records (https://docs.npmjs.com/cli/v10/configuring-npm/package-lock-json).

/** A root lock in miniature: the SDK's tree with a hoisted and a nested copy, an optional peer never installed, and unrelated dev packages. */
const ROOT: Lockfile = {
  name: 'app',
  lockfileVersion: 3,
  requires: true,
  packages: {
    '': { name: 'app', dependencies: { 'wx-server-sdk': '4.0.2' }, devDependencies: { jest: '29.7.0' } },
    'node_modules/wx-server-sdk': { version: '4.0.2', integrity: 'sha512-sdk', dependencies: { tslib: '^1.9.3', protobufjs: '^7.2.4' } },
    'node_modules/wx-server-sdk/node_modules/tslib': { version: '1.14.1', integrity: 'sha512-tslib1' },
    'node_modules/tslib': { version: '2.8.1', integrity: 'sha512-tslib2', dev: true },
    'node_modules/protobufjs': { version: '7.6.6', integrity: 'sha512-pb', hasInstallScript: true, dependencies: { long: '^5.0.0', ws: '^8' } },
    'node_modules/long': { version: '5.3.2', integrity: 'sha512-long' },
    'node_modules/ws': { version: '8.18.0', integrity: 'sha512-ws', devOptional: true, peerDependencies: { bufferutil: '^4', 'utf-8-validate': '>=5' }, peerDependenciesMeta: { bufferutil: { optional: true }, 'utf-8-validate': { optional: true } } },
    'node_modules/utf-8-validate': { version: '6.0.5', integrity: 'sha512-utf8', dev: true },
    'node_modules/jest': { version: '29.7.0', integrity: 'sha512-jest', dev: true },
  },
}

test("the SDK's tree is what Node resolves from wx-server-sdk: nested copies first, optional peers never followed (even one the root has)", () => {
  expect(sdkTree(ROOT)).toEqual(['node_modules/long', 'node_modules/protobufjs', 'node_modules/ws', 'node_modules/wx-server-sdk', 'node_modules/wx-server-sdk/node_modules/tslib'])
})

test('a dependency missing from the root lock is an error, not a silently smaller tree', () => {
  const broken: Lockfile = { ...ROOT, packages: { ...ROOT.packages } }
  delete broken.packages['node_modules/long']
  expect(() => sdkTree(broken)).toThrow('the root package-lock.json has no long, which node_modules/protobufjs needs')
})

test("the function's lock copies each entry of the tree (integrity included, the root's dev flags dropped) and repeats it for npm 6", () => {
  const lock = functionLockfile(ROOT, 'wish', '4.0.2')
  expect(lock.lockfileVersion).toBe(2)
  expect(lock.packages['']).toEqual({ name: 'wish', version: '1.0.0', dependencies: { 'wx-server-sdk': '4.0.2' } })
  expect(lock.packages['node_modules/protobufjs']).toEqual(ROOT.packages['node_modules/protobufjs'])
  expect(lock.packages['node_modules/jest']).toBeUndefined()
  // The root marks ws devOptional (dev tools need it too); for the function it is a plain dependency.
  expect(lock.packages['node_modules/ws']).toEqual({
    version: '8.18.0',
    integrity: 'sha512-ws',
    peerDependencies: { bufferutil: '^4', 'utf-8-validate': '>=5' },
    peerDependenciesMeta: { bufferutil: { optional: true }, 'utf-8-validate': { optional: true } },
  })
  expect(lock.dependencies?.['wx-server-sdk']).toEqual({
    version: '4.0.2',
    integrity: 'sha512-sdk',
    requires: { tslib: '^1.9.3', protobufjs: '^7.2.4' },
    dependencies: { tslib: { version: '1.14.1', integrity: 'sha512-tslib1' } },
  })
  expect(lockfileProblems(lock, ROOT, 'wish', '4.0.2')).toEqual([])
})

describe("a folder's lock that is not the tested tree fails, package by package", () => {
  const drift = (change: (lock: Lockfile) => void) => {
    const lock = JSON.parse(JSON.stringify(functionLockfile(ROOT, 'wish', '4.0.2'))) as Lockfile
    change(lock)
    return lockfileProblems(lock, ROOT, 'wish', '4.0.2')
  }

  test('a drifted version', () => {
    expect(
      drift((lock) => {
        lock.packages['node_modules/protobufjs'].version = '7.7.0'
      }),
    ).toEqual(['node_modules/protobufjs 7.7.0, but 7.6.6 was tested'])
  })

  test('another integrity hash for the same version', () => {
    expect(
      drift((lock) => {
        lock.packages['node_modules/long'].integrity = 'sha512-other'
      }),
    ).toEqual(['node_modules/long 5.3.2 has another integrity hash than the tested one'])
  })

  test('a missing and an extra package', () => {
    expect(
      drift((lock) => {
        delete lock.packages['node_modules/ws']
        lock.packages['node_modules/left-pad'] = { version: '1.3.0' }
      }),
    ).toEqual(['node_modules/ws is missing (8.18.0 tested)', 'node_modules/left-pad is not in the tested tree of wx-server-sdk'])
  })

  test('an npm 6 section that says otherwise', () => {
    expect(
      drift((lock) => {
        if (lock.dependencies) lock.dependencies.long.version = '5.0.0'
      }),
    ).toEqual(['its npm 6 section (dependencies) differs from the tested tree'])
  })

  test('no lock contents, or a lockfileVersion 1 file', () => {
    expect(lockfileProblems({}, ROOT, 'wish', '4.0.2')).toEqual(['package-lock.json has no packages (lockfileVersion 2 or 3)'])
    expect(drift((lock) => (lock.lockfileVersion = 1))).toEqual(['lockfileVersion 1, not 2 or 3'])
  })

  test('a root lock that does not hold the pinned SDK version (npm install not run after a change)', () => {
    expect(lockfileProblems(functionLockfile(ROOT, 'wish', '4.0.2'), ROOT, 'wish', '4.0.3')).toEqual([
      'the root package-lock.json has wx-server-sdk 4.0.2, not 4.0.3 as the root package.json pins it: run npm install',
    ])
  })
})

test("the repository's own root lock gives a complete tree with every version and integrity hash", () => {
  const rootLock = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', 'package-lock.json'), 'utf8')) as Lockfile
  const lock = functionLockfile(rootLock, 'user', '4.0.2')
  const entries = Object.entries(lock.packages).filter(([location]) => location !== '')
  expect(entries.length).toBeGreaterThan(50)
  for (const [, entry] of entries) {
    expect(entry.version).toMatch(/^\d+\.\d+\.\d+/)
    expect(entry.integrity).toMatch(/^sha(512|1)-/)
  }
  expect(lock.packages['node_modules/@cloudbase/node-sdk'].version).toBe('3.17.2')
})
