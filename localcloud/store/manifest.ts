import fs from 'node:fs'
import path from 'node:path'

/** One index as the CloudBase console declares it: fields in order, 1 / -1, or "2dsphere". */
export type IndexSpec = { name: string; keys: Record<string, 1 | -1 | '2dsphere'>; unique?: boolean }

/**
 * Every collection of the database and its indexes (`cloudfunctions/database.json`). `clientRead`:
 * the app reads its documents directly, by id (数据权限「所有用户可读」); every other collection is
 * closed to the app (「所有用户不可读写」).
 */
export type DatabaseManifest = { collections: Record<string, { indexes: IndexSpec[]; clientRead?: boolean }> }

export const MANIFEST_FILE = path.resolve(__dirname, '..', '..', 'cloudfunctions', 'database.json')

export function loadManifest(file = MANIFEST_FILE): DatabaseManifest {
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as DatabaseManifest
  for (const [collection, { indexes }] of Object.entries(manifest.collections)) {
    for (const index of indexes) {
      const directions = Object.values(index.keys)
      if (directions.length === 0 || directions.some((d) => d !== 1 && d !== -1 && d !== '2dsphere')) {
        throw new Error(`${file}: index ${collection}.${index.name} has no keys or a key that is not 1, -1 or "2dsphere"`)
      }
    }
  }
  return manifest
}

/** The fields of a collection that hold a geo index. */
export const geoFieldsOf = (indexes: IndexSpec[]): string[] =>
  indexes.flatMap((index) => Object.entries(index.keys).filter(([, d]) => d === '2dsphere').map(([field]) => field))
