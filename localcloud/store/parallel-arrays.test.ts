import type { IndexSpec } from './manifest'
import { parallelArrays } from './parallel-arrays'

/**
 * MongoDB's rule, case by case. Source: MongoDB manual, Multikey Indexes, "Compound Multikey
 * Indexes" (https://www.mongodb.com/docs/manual/core/indexes/index-types/index-multikey/), and the
 * server's key generator with its tests (mongodb/mongo src/mongo/db/index/btree_key_generator.cpp,
 * btree_key_generator_test.cpp): error 171 "cannot index parallel arrays [later] [earlier]".
 */
const index = (...fields: string[]): IndexSpec => ({ name: 'i', keys: Object.fromEntries(fields.map((field) => [field, 1 as const])) })

test('two array fields of one compound index are refused, named later first as MongoDB does', () => {
  expect(parallelArrays(index('a', 'b'), { a: [1, 2], b: [1, 2] })).toEqual(['b', 'a'])
  expect(parallelArrays(index('roles', 'staffCommunityIds'), { roles: [], staffCommunityIds: [] })).toEqual(['staffCommunityIds', 'roles'])
})

test('one array field per document is allowed, whichever it is (the manual example)', () => {
  expect(parallelArrays(index('a', 'b'), { a: [1, 2], b: 'x' })).toBeNull()
  expect(parallelArrays(index('a', 'b'), { a: 'x', b: [1, 2] })).toBeNull()
  expect(parallelArrays(index('a', 'b'), { a: 1 })).toBeNull()
})

test('empty arrays count as arrays', () => {
  expect(parallelArrays(index('a', 'b'), { a: [], b: [1] })).toEqual(['b', 'a'])
  expect(parallelArrays(index('a', 'b'), { a: [], b: [] })).toEqual(['b', 'a'])
})

test('dotted paths: an array met on the way is the array field, named by its own name', () => {
  expect(parallelArrays(index('images.traceId', 'tags'), { images: [{ traceId: 't' }], tags: ['x'] })).toEqual(['tags', 'images'])
  expect(parallelArrays(index('photo.traceId', 'photo.status'), { photo: { traceId: 't', status: 'checking' } })).toBeNull()
  expect(parallelArrays(index('a.b', 'a.c'), { a: { b: [1], c: [2] } })).toEqual(['c', 'b'])
})

test('two paths under the same array are one array field; inside each element the rule applies again', () => {
  expect(parallelArrays(index('photos.a', 'photos.b'), { photos: [{ a: 1, b: 2 }, { a: 3, b: 4 }] })).toBeNull()
  expect(parallelArrays(index('photos.a', 'photos.b'), { photos: [{ a: 1, b: 2 }, { a: [3], b: 4 }] })).toBeNull()
  expect(parallelArrays(index('photos.a', 'photos.b'), { photos: [{ a: 1, b: 2 }, { a: [3], b: [4] }] })).toEqual(['b', 'a'])
  expect(parallelArrays(index('a', 'a.b'), { a: [{ b: 1 }] })).toBeNull()
})

test('a path through a scalar or a missing field meets no array; geo and one-field indexes never refuse', () => {
  expect(parallelArrays(index('a.b', 'c'), { a: 5, c: [1] })).toBeNull()
  expect(parallelArrays(index('a.b', 'c'), { c: [1] })).toBeNull()
  expect(parallelArrays(index('a'), { a: [[1], [2]] })).toBeNull()
  expect(parallelArrays({ name: 'g', keys: { location: '2dsphere', tags: 1 } }, { location: { type: 'Point', coordinates: [120, 30] }, tags: [] })).toBeNull()
})
