import type { IndexSpec } from './manifest'

/**
 * MongoDB refuses a document that would give one compound index two array values ("parallel
 * arrays"), on every write and when the index is built over existing documents.
 *
 * Source: MongoDB manual, Multikey Indexes, "Compound Multikey Indexes": "each indexed document
 * can have at most one indexed field whose value is an array"
 * (https://www.mongodb.com/docs/manual/core/indexes/index-types/index-multikey/); error 171
 * CannotIndexParallelArrays, `cannot index parallel arrays [<later field>] [<earlier field>]`
 * (mongodb/mongo src/mongo/base/error_codes.yml). The exact walk below is the server's key
 * generator (src/mongo/db/index/btree_key_generator.cpp, `_getKeysWithArray`): at each level every
 * indexed path is followed through embedded documents until it ends or meets an array; two paths
 * that meet DIFFERENT arrays are refused (an empty array is an array too); paths that meet the
 * SAME array (`photos.a` and `photos.b` under one `photos` array) are one array field, and the
 * walk goes on inside each element of it with what is left of those paths.
 */
export const PARALLEL_ARRAYS_CODE = 171

/** The two array fields (later, earlier; by their last name, as MongoDB names them), or null. */
export function parallelArrays(spec: IndexSpec, doc: Record<string, unknown>): [string, string] | null {
  const fields = Object.keys(spec.keys)
  // A geo index builds its keys another way; a one-field index can never meet two arrays.
  if (fields.length < 2 || Object.values(spec.keys).includes('2dsphere')) return null
  return walk(doc, fields)
}

function walk(obj: Record<string, unknown>, paths: string[]): [string, string] | null {
  let array: unknown[] | null = null
  let arrayName = ''
  // What is left of each path below the array it met ('' when it ended first or was not found).
  const rest: string[] = []
  for (const path of paths) {
    rest.push('')
    const segments = path === '' ? [] : path.split('.')
    let current: Record<string, unknown> = obj
    for (let i = 0; i < segments.length; i++) {
      const value = current[segments[i]]
      if (Array.isArray(value)) {
        if (array === null) [array, arrayName] = [value, segments[i]]
        else if (array !== value) return [segments[i], arrayName]
        rest[rest.length - 1] = segments.slice(i + 1).join('.')
        break
      }
      if (!isEmbeddedDocument(value)) break
      current = value
    }
  }
  if (array === null) return null
  for (const element of array as unknown[]) {
    const inner = walk(isEmbeddedDocument(element) ? element : {}, rest)
    if (inner) return inner
  }
  return null
}

/** A document nested in a document: not an array, a date, a regexp or null. */
function isEmbeddedDocument(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.prototype.toString.call(value) === '[object Object]'
}
