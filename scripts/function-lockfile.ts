/**
 * The `package-lock.json` each deployable function folder carries, derived offline from the root
 * lock: exactly the packages of wx-server-sdk's tree at the versions (and integrity hashes) that
 * `npm install` put in node_modules and `npm test` ran. 云端安装依赖 runs `npm install` in the
 * folder (https://cloud.tencent.com/document/product/1159/37920), and npm installs what a lockfile
 * records instead of resolving package.json's ranges again
 * (https://docs.npmjs.com/cli/v10/configuring-npm/package-lock-json) — without it, wx-server-sdk's
 * own caret ranges (protobufjs ^7, json-bigint ^1, …) pick whatever is newest on upload day.
 */

export const SDK = 'wx-server-sdk'

export type LockEntry = {
  name?: string
  version?: string
  resolved?: string
  integrity?: string
  dependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
  peerDependenciesMeta?: Record<string, { optional?: boolean }>
  optional?: boolean
  dev?: boolean
  devOptional?: boolean
  [field: string]: unknown
}

/** npm 6's view of the same tree (lockfileVersion 1 `dependencies`), kept for older npm clients. */
export type LegacyEntry = { version: string; resolved?: string; integrity?: string; optional?: boolean; requires?: Record<string, string>; dependencies?: Record<string, LegacyEntry> }

export type Lockfile = {
  name?: string
  version?: string
  lockfileVersion: number
  requires?: boolean
  packages: Record<string, LockEntry>
  dependencies?: Record<string, LegacyEntry>
}

/** Where Node (and npm) find `name` from a package at `from`: its own node_modules, then each parent's. */
function resolveLocation(packages: Record<string, LockEntry>, from: string, name: string): string | null {
  let base = from
  for (;;) {
    const candidate = `${base ? `${base}/` : ''}node_modules/${name}`
    if (packages[candidate]) return candidate
    if (!base) return null
    const parent = base.lastIndexOf('/node_modules/')
    base = parent < 0 ? '' : base.slice(0, parent)
  }
}

/**
 * The locations (`node_modules/…`) of wx-server-sdk and everything it needs, as the root lock
 * places them. Optional dependencies the root does not have are skipped and optional peers are never
 * followed, as npm does; any other dependency missing from the lock is an error (the tested tree is
 * incomplete).
 */
export function sdkTree(rootLock: Lockfile): string[] {
  const { packages } = rootLock
  const start = `node_modules/${SDK}`
  if (!packages[start]) throw new Error(`the root package-lock.json has no ${start}`)
  const seen = new Set<string>()
  const queue = [start]
  while (queue.length > 0) {
    const location = queue.shift() as string
    if (seen.has(location)) continue
    seen.add(location)
    const entry = packages[location]
    // npm never installs an optional peer for its own sake, even when the root has it for another
    // package (https://docs.npmjs.com/cli/v10/configuring-npm/package-json#peerdependenciesmeta).
    const optionalPeers = new Set(Object.entries(entry.peerDependenciesMeta ?? {}).filter(([, meta]) => meta.optional).map(([name]) => name))
    const peers = Object.keys(entry.peerDependencies ?? {}).filter((name) => !optionalPeers.has(name))
    const optional = new Set(Object.keys(entry.optionalDependencies ?? {}))
    for (const name of new Set([...Object.keys(entry.dependencies ?? {}), ...optional, ...peers])) {
      const found = resolveLocation(packages, location, name)
      if (found) queue.push(found)
      else if (!optional.has(name)) throw new Error(`the root package-lock.json has no ${name}, which ${location} needs`)
    }
  }
  return [...seen].sort((a, b) => a.localeCompare(b, 'en'))
}

/** The entry as a production dependency of the function (dev flags are the root project's business). */
function productionEntry(entry: LockEntry): LockEntry {
  const { dev: _dev, devOptional: _devOptional, ...rest } = entry
  return rest
}

function legacyTree(packages: Record<string, LockEntry>, locations: string[]): Record<string, LegacyEntry> {
  const top: Record<string, LegacyEntry> = {}
  const byDepth = [...locations].sort((a, b) => a.split('/node_modules/').length - b.split('/node_modules/').length || a.localeCompare(b, 'en'))
  for (const location of byDepth) {
    const names = location.slice('node_modules/'.length).split('/node_modules/')
    let level = top
    for (const name of names.slice(0, -1)) level = level[name].dependencies ??= {}
    const { version, resolved, integrity, optional, dependencies, optionalDependencies } = packages[location]
    const requires = { ...dependencies, ...optionalDependencies }
    level[names[names.length - 1]] = {
      version: version as string,
      ...(resolved ? { resolved } : {}),
      ...(integrity ? { integrity } : {}),
      ...(optional ? { optional } : {}),
      ...(Object.keys(requires).length > 0 ? { requires } : {}),
    }
  }
  return top
}

/**
 * A function folder's lockfile: lockfileVersion 2, whose `packages` npm 7 and later install from and
 * whose `dependencies` npm 6 reads — the npm that 云端安装依赖 runs is not documented, so both.
 */
export function functionLockfile(rootLock: Lockfile, name: string, sdkVersion: string): Lockfile {
  const locations = sdkTree(rootLock)
  const packages: Record<string, LockEntry> = { '': { name, version: '1.0.0', dependencies: { [SDK]: sdkVersion } } }
  for (const location of locations) packages[location] = productionEntry(rootLock.packages[location])
  return { name, version: '1.0.0', lockfileVersion: 2, requires: true, packages, dependencies: legacyTree(rootLock.packages, locations) }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * How a folder's lockfile differs from the tested tree, package by package: a version or integrity
 * that drifted, a package missing or extra, and the npm 6 section as a whole.
 */
export function lockfileProblems(folderLock: unknown, rootLock: Lockfile, name: string, sdkVersion: string): string[] {
  const rootSdk = rootLock.packages[`node_modules/${SDK}`]?.version
  if (rootSdk !== sdkVersion) return [`the root package-lock.json has ${SDK} ${String(rootSdk)}, not ${sdkVersion} as the root package.json pins it: run npm install`]
  if (!isObject(folderLock) || !isObject(folderLock.packages)) return ['package-lock.json has no packages (lockfileVersion 2 or 3)']
  const expected = functionLockfile(rootLock, name, sdkVersion)
  const actual = folderLock.packages as Record<string, LockEntry>
  const problems: string[] = []
  if (typeof folderLock.lockfileVersion !== 'number' || folderLock.lockfileVersion < 2) problems.push(`lockfileVersion ${JSON.stringify(folderLock.lockfileVersion)}, not 2 or 3`)
  for (const [location, want] of Object.entries(expected.packages)) {
    const have = actual[location]
    const label = location || 'the function itself'
    if (!have) problems.push(`${label} is missing (${want.version ?? ''} tested)`)
    else if (JSON.stringify(have) !== JSON.stringify(want)) {
      if (have.version !== want.version) problems.push(`${label} ${String(have.version)}, but ${String(want.version)} was tested`)
      else if (have.integrity !== want.integrity) problems.push(`${label} ${String(have.version)} has another integrity hash than the tested one`)
      else problems.push(`${label} differs from the tested tree's entry`)
    }
  }
  for (const location of Object.keys(actual)) if (!(location in expected.packages)) problems.push(`${location} is not in the tested tree of ${SDK}`)
  if ('dependencies' in folderLock && JSON.stringify(folderLock.dependencies) !== JSON.stringify(expected.dependencies)) problems.push('its npm 6 section (dependencies) differs from the tested tree')
  return problems
}
