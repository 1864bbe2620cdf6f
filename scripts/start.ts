import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { buildFunctions } from './build-functions'

/**
 * `npm start`: builds what is missing or stale (the H5 app, the cloud functions), then runs the
 * local cloud with both.
 */
const root = path.resolve(__dirname, '..')

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs)
  }
  return newest
}

function h5IsStale(): boolean {
  const built = path.join(root, 'dist', 'h5', 'index.html')
  if (!fs.existsSync(built)) return true
  const sources = Math.max(newestMtime(path.join(root, 'src')), newestMtime(path.join(root, 'config')))
  return sources > fs.statSync(built).mtimeMs
}

async function main() {
  if (h5IsStale()) {
    console.log('Building the H5 app (about half a minute)…')
    // Taro draws a progress bar on stderr; show its output only when the build fails.
    const build = spawnSync('npm', ['run', 'build:h5'], { cwd: root, encoding: 'utf8' })
    if (build.status !== 0) throw new Error(`H5 build failed:\n${build.stdout}\n${build.stderr}`)
  }
  console.log('Building the cloud functions…')
  await buildFunctions()
  // What a person clicking through should feel is production's time: WeChat's calls and cold starts
  // (localcloud/README.md); set either to 0 to turn it off.
  process.env.OPENAPI_LATENCY_MS ??= '100-300'
  process.env.COLD_START_MS ??= '1000-1500'
  await import('../localcloud/main')
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
