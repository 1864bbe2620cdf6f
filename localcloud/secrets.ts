import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/**
 * The functions' secret settings, as CloudBase gives them environment variables: kept in the data
 * folder (created once, never in the repository) unless the environment already sets them. In
 * memory only when there is no data folder.
 */
export function ensureFunctionSecrets(dataDir: string | null): void {
  if (process.env.ID_ENCRYPTION_KEY) return
  const file = dataDir ? path.join(dataDir, 'secrets.json') : null
  if (file && fs.existsSync(file)) {
    process.env.ID_ENCRYPTION_KEY = (JSON.parse(fs.readFileSync(file, 'utf8')) as { ID_ENCRYPTION_KEY: string }).ID_ENCRYPTION_KEY
    return
  }
  const key = crypto.randomBytes(32).toString('base64')
  if (file) fs.writeFileSync(file, `${JSON.stringify({ ID_ENCRYPTION_KEY: key }, null, 2)}\n`, { mode: 0o600 })
  process.env.ID_ENCRYPTION_KEY = key
}
