import fs from 'node:fs'
import path from 'node:path'

const REPO_ROOT = path.resolve(__dirname, '..')

export type FunctionFolder = { index: string; config?: object }

/**
 * Writes deployable function folders (`<name>/index.js`, optional `config.json`) for FUNCTIONS_DIR.
 * They live under the repo's git-ignored node_modules/.cache, so `require('wx-server-sdk')` walks up
 * to the repo's own node_modules and gets the very instance the local cloud answers, as a folder
 * started with NODE_PATH would; nothing process-wide has to change inside jest.
 */
export function functionsDir(folders: Record<string, FunctionFolder>, parent = path.join(REPO_ROOT, 'node_modules', '.cache')): string {
  fs.mkdirSync(parent, { recursive: true })
  const dir = fs.mkdtempSync(path.join(parent, 'localcloud-functions-'))
  for (const [name, { index, config }] of Object.entries(folders)) {
    fs.mkdirSync(path.join(dir, name))
    fs.writeFileSync(path.join(dir, name, 'index.js'), index)
    if (config) fs.writeFileSync(path.join(dir, name, 'config.json'), JSON.stringify(config))
  }
  return dir
}

