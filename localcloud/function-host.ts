import fs from 'node:fs'
import path from 'node:path'
import { runAs } from './backend/identity'

export type CloudFunctionMain = (event: unknown, context: unknown) => Promise<unknown>

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

/**
 * Loads and invokes the cloud functions. `dist` runs the deployable bundles (what `npm start` and
 * the browser tests use); `source` runs the TypeScript directly (jest), with the same behaviour.
 */
export class FunctionHost {
  private constructor(private readonly mains: Map<string, CloudFunctionMain>) {}

  static load(from: 'dist' | 'source'): FunctionHost {
    const mains = new Map<string, CloudFunctionMain>()
    for (const name of functionNames()) {
      const entry = from === 'dist' ? path.join(FUNCTIONS_DIST_DIR, name, 'index.js') : path.join(FUNCTIONS_SOURCE_DIR, name, 'index.ts')
      if (!fs.existsSync(entry)) throw new Error(`cloud function ${name} is not built (${entry}); run npm run build:functions`)
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      mains.set(name, (require(entry) as { main: CloudFunctionMain }).main)
    }
    return new FunctionHost(mains)
  }

  names(): string[] {
    return [...this.mains.keys()]
  }

  has(name: string): boolean {
    return this.mains.has(name)
  }

  /** One invocation, with its own WeChat context even when others run at the same time. */
  invoke(name: string, event: unknown, openid: string): Promise<unknown> {
    const main = this.mains.get(name)
    if (!main) throw new Error(`unknown cloud function ${name}`)
    const context = { function_name: name, namespace: 'local', request_id: `${name}-${Date.now().toString(36)}` }
    return runAs({ openid, appid: LOCAL_APPID }, () => main(event, context))
  }
}

/** Functions with a timer trigger in their `config.json` (run on a schedule by the platform). */
export function timerFunctionNames(): string[] {
  return functionNames().filter((name) => {
    const config = path.join(FUNCTIONS_SOURCE_DIR, name, 'config.json')
    if (!fs.existsSync(config)) return false
    const { triggers = [] } = JSON.parse(fs.readFileSync(config, 'utf8')) as { triggers?: Array<{ type: string }> }
    return triggers.some((trigger) => trigger.type === 'timer')
  })
}
