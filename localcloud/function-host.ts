import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { runAs } from './backend/identity'
import { parseLatency, sleep, type Latency } from './backend/latency'
import { firesInMinute, parseCron, type Cron } from './cron'
import { RequestMeter, type UsageMeter } from './usage'

export type CloudFunctionMain = (event: unknown, context: unknown) => unknown

export const LOCAL_APPID = 'wx-local-boai'
const REPO_ROOT = path.resolve(__dirname, '..')
export const FUNCTIONS_SOURCE_DIR = path.join(REPO_ROOT, 'cloudfunctions')
export const FUNCTIONS_DIST_DIR = path.join(REPO_ROOT, 'dist', 'cloudfunctions')

/** Every cloud function: a folder of `cloudfunctions/` with an `index.ts` (`_kit` is shared code). */
export function functionNames(): string[] {
  return fs
    .readdirSync(FUNCTIONS_SOURCE_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
    .filter((entry) => fs.existsSync(path.join(FUNCTIONS_SOURCE_DIR, entry.name, 'index.ts')))
    .map((entry) => entry.name)
    .sort()
}

/** What the platform takes from a function's `config.json`. */
export type FunctionConfig = { timeout: number; memoryMb: number; openapi: string[]; timers: TimerTrigger[] }

/** A `timer` trigger of `config.json`: its name and 7-field cron. */
export type TimerTrigger = { name: string; cron: Cron }

/** CloudBase's default timeout, and the range it accepts (seconds). */
const DEFAULT_TIMEOUT = 3
const MAX_TIMEOUT = 300
/** A function's memory when `config.json` sets none (256 MB, as CloudBase's quota page gives it); `check:deploy` requires it set. */
const DEFAULT_MEMORY_MB = 256

/**
 * A function's `config.json`, checked as CloudBase would take it: `timeout` whole seconds 1–300
 * (3 when absent; https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/cloudbase/common/getFuncConfig.html),
 * `permissions.openapi` the open APIs it may call (none when absent;
 * https://developers.weixin.qq.com/miniprogram/en/dev/wxcloud/guide/openapi/openapi.html).
 */
export function readFunctionConfig(folder: string): FunctionConfig {
  const file = path.join(folder, 'config.json')
  if (!fs.existsSync(file)) return { timeout: DEFAULT_TIMEOUT, memoryMb: DEFAULT_MEMORY_MB, openapi: [], timers: [] }
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as { timeout?: unknown; memorySize?: unknown; permissions?: { openapi?: unknown }; triggers?: Array<{ name?: unknown; type?: unknown; config?: unknown }> }
  const timeout = raw.timeout ?? DEFAULT_TIMEOUT
  if (typeof timeout !== 'number' || !Number.isInteger(timeout) || timeout < 1 || timeout > MAX_TIMEOUT) {
    throw new Error(`${file}: timeout must be whole seconds from 1 to ${MAX_TIMEOUT}`)
  }
  const memoryMb = raw.memorySize ?? DEFAULT_MEMORY_MB
  if (typeof memoryMb !== 'number' || !Number.isInteger(memoryMb) || memoryMb <= 0) throw new Error(`${file}: memorySize must be whole megabytes`)
  const openapi = raw.permissions?.openapi ?? []
  if (!Array.isArray(openapi) || !openapi.every((name): name is string => typeof name === 'string')) {
    throw new Error(`${file}: permissions.openapi must be a list of API names`)
  }
  const timers = (raw.triggers ?? [])
    .filter((trigger) => trigger.type === 'timer')
    .map((trigger) => {
      if (typeof trigger.name !== 'string' || typeof trigger.config !== 'string') throw new Error(`${file}: a timer trigger needs a name and a cron config`)
      return { name: trigger.name, cron: parseCron(trigger.config) }
    })
  return { timeout, memoryMb, openapi, timers }
}

/**
 * An invocation that ran past its timeout. CloudBase stops it and `callFunction` fails with
 * -504003 "Invoking task timed out after N seconds" (as reported from WeChat:
 * https://github.com/Mint-green/UnlearnableWord/issues/10).
 */
export class InvocationTimeoutError extends Error {
  readonly errCode = -504003
  readonly errMsg: string

  constructor(readonly functionName: string, seconds: number) {
    super(`${functionName}: Invoking task timed out after ${seconds} seconds`)
    this.errMsg = `Invoking task timed out after ${seconds} seconds`
  }
}

/**
 * A hosted function and its instances. CloudBase runs one invocation at a time per instance and
 * starts a new instance (a cold start) when none is free; a finished instance waits for the next
 * invocation (kept here until the process ends; CloudBase reclaims idle ones after a while).
 */
type Hosted = {
  entry: string
  config: FunctionConfig
  /** The module's `main`, once required: at start for the TypeScript sources, on the first call for a bundle. */
  main?: CloudFunctionMain
  idleInstances: number
}

const sdkPath = (from: string): string | null => {
  try {
    return fs.realpathSync(createRequire(from).resolve('wx-server-sdk'))
  } catch {
    return null
  }
}

/**
 * The deployable folders of `FUNCTIONS_DIR`: every `<dir>/<name>/index.js` exporting `main`. Each
 * must get the local cloud's own `wx-server-sdk` from `require`: a separate copy would not be
 * answered locally (its calls would go to the real CloudBase), so it is refused.
 */
function foreignFunctions(dirs: string[]): Array<{ name: string; folder: string }> {
  const ours = sdkPath(__filename)
  return dirs.flatMap((dir) =>
    fs
      .readdirSync(path.resolve(dir), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && fs.existsSync(path.resolve(dir, entry.name, 'index.js')))
      .map((entry) => {
        const folder = path.resolve(dir, entry.name)
        const theirs = sdkPath(path.join(folder, 'index.js'))
        if (theirs !== ours) {
          throw new Error(
            `FUNCTIONS_DIR: ${folder} resolves wx-server-sdk to ${theirs ?? 'nothing'}, not the local cloud's ${ours}; ` +
              `place the folder under ${REPO_ROOT} or start with NODE_PATH=${path.join(REPO_ROOT, 'node_modules')}, without its own node_modules/wx-server-sdk`,
          )
        }
        return { name: entry.name, folder }
      }),
  )
}

/**
 * Loads and invokes the cloud functions. `dist` runs the deployable bundles (what `npm start` and
 * the browser tests use); `source` runs the TypeScript directly (jest), with the same behaviour.
 * Folders of `extraDirs` (`FUNCTIONS_DIR`) are hosted beside them, exactly alike.
 */
export class FunctionHost {
  private constructor(
    private readonly functions: Map<string, Hosted>,
    private readonly coldStart: Latency,
    private readonly usage: UsageMeter | undefined,
  ) {}

  /**
   * `coldStartMs` (`COLD_START_MS`, a number or a range drawn per start) is what CloudBase spends
   * starting an instance before the module loads. A deployable bundle (`index.js`) is required on
   * its first invocation, inside that invocation's time, as CloudBase loads it; the TypeScript
   * sources are required at once, because compiling them is the test runner's cost, not CloudBase's.
   */
  static load(from: 'dist' | 'source', extraDirs: string[] = [], { coldStartMs, usage }: { coldStartMs?: string | number; usage?: UsageMeter } = {}): FunctionHost {
    const functions = new Map<string, Hosted>()
    const host = (name: string, folder: string, entry: string) => {
      if (!fs.existsSync(entry)) throw new Error(`cloud function ${name} is not built (${entry}); run npm run build:functions`)
      if (functions.has(name)) throw new Error(`FUNCTIONS_DIR: a function named ${name} is already hosted; ${folder} clashes with it`)
      const hosted: Hosted = { entry, config: readFunctionConfig(folder), idleInstances: 0 }
      if (entry.endsWith('.ts')) hosted.main = requireMain(entry)
      functions.set(name, hosted)
    }
    for (const name of functionNames()) {
      const folder = path.join(from === 'dist' ? FUNCTIONS_DIST_DIR : FUNCTIONS_SOURCE_DIR, name)
      host(name, folder, path.join(folder, from === 'dist' ? 'index.js' : 'index.ts'))
    }
    for (const { name, folder } of foreignFunctions(extraDirs)) host(name, folder, path.join(folder, 'index.js'))
    return new FunctionHost(functions, parseLatency(coldStartMs, 'COLD_START_MS'), usage)
  }

  names(): string[] {
    return [...this.functions.keys()]
  }

  has(name: string): boolean {
    return this.functions.has(name)
  }

  /** The timer triggers (of `config.json`) that fire in the minute of `at`, with their function. */
  firingTimers(at: Date): Array<{ functionName: string; trigger: string }> {
    return [...this.functions].flatMap(([functionName, { config }]) =>
      config.timers.filter(({ cron }) => firesInMinute(cron, at)).map(({ name }) => ({ functionName, trigger: name })),
    )
  }

  /** The names of a function's timer triggers (CloudBase takes one; none for an unknown function). */
  timersOf(name: string): string[] {
    return this.functions.get(name)?.config.timers.map((timer) => timer.name) ?? []
  }

  /**
   * An instance for one invocation: a free one, else a new one (a cold start: the platform's
   * start-up time, then the module's first load).
   */
  private async instance(hosted: Hosted): Promise<CloudFunctionMain> {
    if (hosted.idleInstances > 0 && hosted.main) {
      hosted.idleInstances -= 1
      return hosted.main
    }
    await sleep(this.coldStart())
    hosted.main ??= requireMain(hosted.entry)
    return hosted.main
  }

  /**
   * One invocation, with its own WeChat context even when others run at the same time, its
   * permitted open APIs, and its timeout, which counts the cold start too: past it the invocation
   * fails with `InvocationTimeoutError` and whatever it still tries (database, open API) is
   * refused, as CloudBase has stopped it.
   */
  async invoke(name: string, event: unknown, openid: string): Promise<unknown> {
    const hosted = this.functions.get(name)
    if (!hosted) throw new Error(`unknown cloud function ${name}`)
    const { config } = hosted
    const context = { function_name: name, namespace: 'local', request_id: `${name}-${Date.now().toString(36)}` }
    const stop = new AbortController()
    let timer: NodeJS.Timeout | undefined
    const expired = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        stop.abort()
        const error = new InvocationTimeoutError(name, config.timeout)
        console.error(`[localcloud] ${error.message}`)
        reject(error)
      }, config.timeout * 1000)
    })
    const meter = new RequestMeter()
    const started = Date.now()
    const run = runAs({ openid, appid: LOCAL_APPID, functionName: name, openapi: config.openapi, signal: stop.signal, meter }, async () => {
      const main = await this.instance(hosted)
      // Stopped while starting: CloudBase never runs the handler.
      if (stop.signal.aborted) return undefined
      try {
        return await main(event, context)
      } finally {
        // Free for the next invocation, unless the platform stopped it at its timeout.
        if (!stop.signal.aborted) hosted.idleInstances += 1
      }
    })
    try {
      return await Promise.race([run, expired])
    } finally {
      clearTimeout(timer)
      // Billed for its run time, the cold start included, up to the timeout where CloudBase stops it.
      const durationMs = Math.min(Date.now() - started, config.timeout * 1000)
      this.usage?.invocation({ functionName: name, action: actionOf(event), requests: meter.requests, roundTrips: meter.roundTrips, durationMs }, config.memoryMb)
    }
  }
}

/** What an invocation was for: the app's `action`, or the timer trigger's name. */
function actionOf(event: unknown): string | undefined {
  if (!event || typeof event !== 'object') return undefined
  const { action, TriggerName } = event as { action?: unknown; TriggerName?: unknown }
  return typeof action === 'string' ? action : typeof TriggerName === 'string' ? TriggerName : undefined
}

function requireMain(entry: string): CloudFunctionMain {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { main } = require(entry) as { main?: unknown }
  if (typeof main !== 'function') throw new Error(`${entry} does not export main`)
  return main as CloudFunctionMain
}
