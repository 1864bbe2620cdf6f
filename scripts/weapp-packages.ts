import fs from 'node:fs'
import path from 'node:path'
import { CHECK_MODE, weappOutputRoot } from '../config/cloud-env'

/** The weapp build that `npm run test:weapp` and `npm run bench` look at (`--mode check`; never uploaded). */
export const WEAPP_CHECK_DIR = path.resolve(__dirname, '..', weappOutputRoot({ platform: 'weapp', mode: CHECK_MODE }))
export const PACKAGE_LIMIT = 2 * 1024 * 1024
export const TOTAL_LIMIT = 20 * 1024 * 1024

export type PackageSize = { name: string; bytes: number }

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(full) : [full]
  })
}

/**
 * Bytes of the main package and of each subpackage of the weapp build, as WeChat counts them:
 * a subpackage is everything under its root; the main package is everything else.
 */
export function measureWeappPackages(dir = WEAPP_CHECK_DIR): PackageSize[] {
  const appJson = JSON.parse(fs.readFileSync(path.join(dir, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }> }
  const roots = (appJson.subPackages ?? []).map((sub) => sub.root.replace(/\/$/, ''))
  const sizes = new Map<string, number>([['main', 0], ...roots.map((root) => [root, 0] as [string, number])])
  for (const file of filesUnder(dir)) {
    if (file.endsWith('.map')) continue
    const relative = path.relative(dir, file).split(path.sep).join('/')
    const owner = roots.find((root) => relative.startsWith(`${root}/`)) ?? 'main'
    sizes.set(owner, (sizes.get(owner) ?? 0) + fs.statSync(file).size)
  }
  return [...sizes].map(([name, bytes]) => ({ name, bytes }))
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
