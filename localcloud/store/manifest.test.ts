import { seedIfEmpty } from '../seed/seed'
import { DocumentStore } from './document-store'
import { loadManifest } from './manifest'
import { parallelArrays } from './parallel-arrays'

/**
 * Every compound index of cloudfunctions/database.json against the documents the demo seed writes
 * (the functions' own shapes): MongoDB refuses a document giving one compound index two array
 * values, error 171 (Multikey Indexes, "Compound Multikey Indexes",
 * https://www.mongodb.com/docs/manual/core/indexes/index-types/index-multikey/).
 */
test('no declared index holds two array fields of any seeded document', () => {
  const manifest = loadManifest()
  const store = DocumentStore.open(null, manifest)
  expect(seedIfEmpty(store)).toBe(true)
  const refused: string[] = []
  for (const [collection, { indexes }] of Object.entries(manifest.collections)) {
    for (const doc of store.find(collection, {})) {
      for (const spec of indexes) if (parallelArrays(spec, doc)) refused.push(`${collection}.${spec.name} ${doc._id}`)
    }
  }
  expect(refused).toEqual([])
  // The staff query is served by the index that replaced { roles, staffCommunityIds }.
  expect(store.find('users', { staffCommunityIds: 'dadu' }).map((user) => user._id)).toEqual(['demo-staff', 'demo-staff-2'])
})
