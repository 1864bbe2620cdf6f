import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { build } from 'esbuild'
import { FUNCTIONS_DIST_DIR, FUNCTIONS_SOURCE_DIR, functionNames } from '../localcloud/function-host'
import { functionLockfile, type Lockfile } from './function-lockfile'

const root = path.resolve(__dirname, '..')
const sdkVersion = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies['wx-server-sdk']

/** The root package-lock.json: the exact tree `npm install` put in node_modules, which the tests ran. */
export const readRootLock = (): Lockfile => JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as Lockfile

/**
 * Turns each `cloudfunctions/<fn>` into a folder WeChat DevTools can upload: one bundled
 * `index.js` (with `src/domain` and the shared kit inlined), a `package.json` that depends on
 * `wx-server-sdk` only, a `package-lock.json` that pins wx-server-sdk's whole tree at the tested
 * versions (scripts/function-lockfile.ts), and the function's own `config.json` (timeout, memory,
 * the open APIs it may call, triggers) as written.
 */
export async function buildFunctions(): Promise<Array<{ name: string; bytes: number }>> {
  fs.rmSync(FUNCTIONS_DIST_DIR, { recursive: true, force: true })
  const rootLock = readRootLock()
  const results = []
  for (const name of functionNames()) {
    const outDir = path.join(FUNCTIONS_DIST_DIR, name)
    await build({
      entryPoints: [path.join(FUNCTIONS_SOURCE_DIR, name, 'index.ts')],
      outfile: path.join(outDir, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      external: ['wx-server-sdk'],
      tsconfig: path.join(root, 'tsconfig.json'),
      legalComments: 'none',
      logLevel: 'warning',
    })
    fs.writeFileSync(
      path.join(outDir, 'package.json'),
      `${JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies: { 'wx-server-sdk': sdkVersion } }, null, 2)}\n`,
    )
    fs.writeFileSync(path.join(outDir, 'package-lock.json'), `${JSON.stringify(functionLockfile(rootLock, name, sdkVersion), null, 2)}\n`)
    const config = path.join(FUNCTIONS_SOURCE_DIR, name, 'config.json')
    if (fs.existsSync(config)) fs.copyFileSync(config, path.join(outDir, 'config.json'))
    results.push({ name, bytes: fs.statSync(path.join(outDir, 'index.js')).size })
  }
  return results
}

if (createRequire(__filename).main === module) {
  buildFunctions()
    .then((results) => {
      for (const { name, bytes } of results) console.log(`  cloudfunctions/${name}  ${(bytes / 1024).toFixed(1)} KB`)
    })
    .catch((error) => {
      console.error(error)
      process.exit(1)
    })
}
