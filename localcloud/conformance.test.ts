import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { installLocalBackend, wxServerSdk } from './backend/install'
import { Outbox } from './backend/openapi'
import { FileStorage } from './backend/storage'
import { DocumentStore } from './store/document-store'
import type { DatabaseManifest } from './store/manifest'
import { StoreError } from './store/types'

/**
 * The CloudBase database behaviours the local cloud mirrors, one test each, exercised through the
 * real `wx-server-sdk` with network latency on. Each names its source. Where CloudBase's answer
 * is not documented the local cloud refuses (never kinder); those tests say so.
 * (Open-API rules: backend/openapi-storage.test.ts; journal safety: store/journal.test.ts;
 * timeouts and permissions: function-host.test.ts.)
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let db: any
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let _: any
let store: DocumentStore

const MANIFEST: DatabaseManifest = {
  collections: {
    wishes: { indexes: [{ name: 'status', keys: { status: 1, createdAt: -1 } }] },
    aeds: { indexes: [{ name: 'location_geo', keys: { location: '2dsphere' } }] },
    places: { indexes: [] },
    certificates: { indexes: [{ name: 'number', keys: { number: 1 }, unique: true }] },
    counters: { indexes: [] },
    people: { indexes: [{ name: 'staff_of_community', keys: { roles: 1, staffCommunityIds: 1 } }] },
    albums: { indexes: [{ name: 'photo_pair', keys: { 'photos.a': 1, 'photos.b': 1 } }] },
  },
}

beforeAll(() => {
  store = DocumentStore.open(null, MANIFEST)
  installLocalBackend({ store, storage: new FileStorage(path.join(os.tmpdir(), 'boai-conformance')), outbox: new Outbox(), dbLatencyMs: '1-8' })
  const cloud = wxServerSdk() as { init(options: object): void; database(): unknown }
  cloud.init({ env: 'conformance' })
  db = cloud.database()
  _ = db.command
})

/** The error a database call fails with, as the function sees it. */
const failure = (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => 'no error',
    (error: Error) => error.message,
  )

describe('updates, as MongoDB applies what the SDK sends', () => {
  // Source: @cloudbase/database/dist/commonjs/serializer/update.js (UpdateSerializer.encodeEJSON):
  // nested plain objects become dotted $set paths; only _.set() sends a whole object.
  test('the SDK flattens a nested object into dotted paths; _.set keeps it whole', () => {
    const sdkRequire = createRequire(createRequire(__filename).resolve('wx-server-sdk'))
    const { UpdateSerializer } = sdkRequire('@cloudbase/database/dist/commonjs/serializer/update') as { UpdateSerializer: { encodeEJSON(data: object, raw: boolean): string } }
    expect(JSON.parse(UpdateSerializer.encodeEJSON({ fulfilment: { note: 'x' } }, false))).toEqual({ $set: { 'fulfilment.note': 'x' } })
    expect(JSON.parse(UpdateSerializer.encodeEJSON({ fulfilment: _.set({ note: 'x' }) }, false))).toEqual({ $set: { fulfilment: { note: 'x' } } })
  })

  // Source: MongoDB, "Cannot create field … in element" (PathNotViable) for a path through null;
  // https://www.mongodb.com/docs/manual/reference/operator/update/set/#set-fields-in-embedded-documents
  test('a dotted path through null is refused and nothing changes; _.set replaces the null', async () => {
    await db.collection('wishes').add({ data: { _id: 'w-null', status: 'claimed', fulfilment: null } })
    expect(await failure(db.collection('wishes').doc('w-null').update({ data: { status: 'fulfilled', fulfilment: { note: '已完成' } } }))).toMatch(
      /Cannot create field 'note' in element \{fulfilment: null\}/,
    )
    expect(store.find('wishes', { _id: 'w-null' })[0]).toMatchObject({ status: 'claimed', fulfilment: null })
    await db.collection('wishes').doc('w-null').update({ data: { fulfilment: _.set({ note: '已完成' }) } })
    expect(store.find('wishes', { _id: 'w-null' })[0].fulfilment).toEqual({ note: '已完成' })
  })

  test('a dotted path through a string or an array is refused', async () => {
    await db.collection('wishes').add({ data: { _id: 'w-str', status: 'open', title: '修灯', tags: ['a'] } })
    expect(await failure(db.collection('wishes').doc('w-str').update({ data: { title: { short: '灯' } } }))).toMatch(/Cannot create field 'short'/)
    expect(await failure(db.collection('wishes').doc('w-str').update({ data: { tags: { first: 'b' } } }))).toMatch(/Cannot create field 'first'/)
  })

  // Source: MongoDB ConflictingUpdateOperators, "Updating the path 'x' would create a conflict at 'x'".
  // (The SDK cannot send two operators on one path from one object; the store refuses it anyway.)
  test('two operators on the same or overlapping paths are refused', async () => {
    await db.collection('wishes').add({ data: { _id: 'w-conflict', status: 'open', n: 1, meta: { a: 1 } } })
    expect(() => store.update('wishes', { _id: 'w-conflict' }, { $set: { meta: {} }, $inc: { 'meta.a': 1 } })).toThrow(/would create a conflict at 'meta'/)
  })

  // Source: https://www.mongodb.com/docs/manual/core/document/#the-_id-field ("_id … immutable").
  test('_id cannot change', async () => {
    await db.collection('wishes').add({ data: { _id: 'w-id', status: 'open' } })
    expect(() => store.update('wishes', { _id: 'w-id' }, { $set: { _id: 'other' } })).toThrow(/immutable field '_id'/)
    expect(store.find('wishes', { _id: 'w-id' })).toHaveLength(1)
  })

  // Source: MongoDB TypeMismatch for $inc on a non-number and BadValue for $push on a non-array.
  test('$inc on a non-number and $push on a non-array are refused', async () => {
    await db.collection('wishes').add({ data: { _id: 'w-types', status: 'open', count: 'three', list: 'x' } })
    expect(await failure(db.collection('wishes').doc('w-types').update({ data: { count: _.inc(1) } }))).not.toBe('no error')
    expect(await failure(db.collection('wishes').doc('w-types').update({ data: { list: _.push(['y']) } }))).toMatch(/must be an array/)
  })

  // Source: wx-server-sdk's `stats.updated` is CloudBase's modified count (MongoDB nModified): a
  // document matched but left as it was is not counted.
  test('stats.updated counts documents changed, not matched', async () => {
    await db.collection('wishes').add({ data: { _id: 'w-same', status: 'open', title: '修灯' } })
    expect((await db.collection('wishes').doc('w-same').update({ data: { title: '修灯' } })).stats.updated).toBe(0)
    expect((await db.collection('wishes').doc('w-same').update({ data: { title: '换灯泡' } })).stats.updated).toBe(1)
    expect((await db.collection('wishes').where({ _id: 'nobody' }).update({ data: { title: 'x' } })).stats.updated).toBe(0)
  })
})

describe('collections and indexes, as declared', () => {
  // Source: CloudBase answers "errCode: -502005 database collection not exists | errMsg:
  // [ResourceNotFound] Db or Table not exist" for a collection never created (seen in
  // wx-server-sdk errors reported by users, e.g. github.com/nslogx/Gitter/issues/39).
  test('a collection that was never created does not exist', async () => {
    expect(await failure(db.collection('typo').add({ data: { a: 1 } }))).toMatch(/Db or Table not exist/)
    expect(await failure(db.collection('typo').where({ a: 1 }).get())).toMatch(/Db or Table not exist/)
    expect(store.hasCollection('typo')).toBe(false)
  })

  // Source: https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/database/Database.createCollection.html
  test('createCollection makes one; creating it again fails', async () => {
    await db.createCollection('fresh')
    await db.collection('fresh').add({ data: { _id: 'f1' } })
    expect(store.find('fresh', { _id: 'f1' })).toHaveLength(1)
    expect(await failure(db.createCollection('fresh'))).not.toBe('no error')
  })

  // Source: https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/database/command/Command.geoNear.html
  // ("需对查询字段建立地理位置索引").
  test('geoNear needs a geo index on the field', async () => {
    await db.collection('places').add({ data: { location: new db.Geo.Point(120.5, 30.07) } })
    const near = { location: _.geoNear({ geometry: new db.Geo.Point(120.5, 30.07), maxDistance: 1000 }) }
    expect(await failure(db.collection('places').where(near).get())).toMatch(/index/)
    await db.collection('aeds').add({ data: { location: new db.Geo.Point(120.5, 30.07) } })
    expect((await db.collection('aeds').where(near).get()).data).toHaveLength(1)
  })

  // Source: MongoDB E11000 duplicate key error for a unique index (CloudBase console: 唯一索引).
  test('a unique index refuses a second document with the same key, on add and on update', async () => {
    await db.collection('certificates').add({ data: { _id: 'c1', number: 'JH2026001' } })
    await db.collection('certificates').add({ data: { _id: 'c2', number: 'JH2026002' } })
    expect(await failure(db.collection('certificates').add({ data: { number: 'JH2026001' } }))).toMatch(/duplicate key/)
    expect(await failure(db.collection('certificates').doc('c2').update({ data: { number: 'JH2026001' } }))).toMatch(/duplicate key/)
    expect(store.find('certificates', { _id: 'c2' })[0].number).toBe('JH2026002')
  })

  // Stricter than CloudBase (which would scan): a query no declared index serves is refused, so
  // every list the functions make stays fast when a community's data grows.
  test('a query no declared index serves is refused; equality, then sort, then range is served', async () => {
    expect(await failure(db.collection('wishes').where({ title: '修灯' }).get())).toMatch(/no index of wishes/)
    expect(await failure(db.collection('wishes').orderBy('title', 'asc').get())).toMatch(/no index of wishes/)
    expect(await failure(db.collection('wishes').where({ status: 'open' }).orderBy('createdAt', 'desc').get())).toBe('no error')
    expect(await failure(db.collection('wishes').where({ status: 'open' }).orderBy('createdAt', 'asc').get())).toBe('no error') // an index runs both ways
    expect(await failure(db.collection('wishes').where({ _id: 'w-id', title: 'x' }).get())).toBe('no error') // by _id
    // The _id index serves an _id range in _id order (a sweep that keeps its place), not another order.
    const _ = db.command
    expect(await failure(db.collection('wishes').where({ _id: _.gt('w') }).orderBy('_id', 'asc').get())).toBe('no error')
    expect(await failure(db.collection('wishes').where({ _id: _.gt('w') }).orderBy('title', 'asc').get())).toMatch(/no index of wishes/)
  })

  // Source: https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/database/collection/Collection.limit.html
  // (云函数端 limit 默认 100, 最大 1000).
  test('a get answers at most 100 documents by default and 1000 at most', async () => {
    const many = Array.from({ length: 1005 }, (_unused, i) => ({ _id: `n${i}`, status: 'bulk', createdAt: new Date(i) }))
    store.insert('wishes', many)
    expect((await db.collection('wishes').where({ status: 'bulk' }).get()).data).toHaveLength(100)
    expect((await db.collection('wishes').where({ status: 'bulk' }).limit(1000).get()).data).toHaveLength(1000)
  })
})

describe('what MongoDB refuses, refused here too', () => {
  // Source: MongoDB manual, Multikey Indexes, "Compound Multikey Indexes" ("each indexed document
  // can have at most one indexed field whose value is an array"; empty arrays count),
  // https://www.mongodb.com/docs/manual/core/indexes/index-types/index-multikey/; error 171
  // CannotIndexParallelArrays (mongodb/mongo src/mongo/db/index/btree_key_generator.cpp).
  test('a write giving one compound index two array values is refused with error 171, and nothing is written', async () => {
    const refused = /cannot index parallel arrays \[staffCommunityIds\] \[roles\] \(MongoDB error 171 CannotIndexParallelArrays\)/
    expect(await failure(db.collection('people').add({ data: { _id: 'p-new', roles: [], staffCommunityIds: [] } }))).toMatch(refused)
    expect(store.find('people', { _id: 'p-new' })).toEqual([])

    await db.collection('people').add({ data: { _id: 'p1', roles: 'staff', staffCommunityIds: ['dadu'] } })
    expect(await failure(db.collection('people').doc('p1').update({ data: { roles: ['staff'] } }))).toMatch(refused)
    expect(await failure(db.collection('people').doc('p1').set({ data: { roles: [], staffCommunityIds: [] } }))).toMatch(refused)
    // An upsert (wire flag `upsert`) that would create such a document.
    expect(() => store.update('people', { _id: 'p-upsert' }, { $set: { roles: [], staffCommunityIds: [] } }, { upsert: true })).toThrow(/cannot index parallel arrays \[staffCommunityIds\] \[roles\]/)
    expect(store.find('people', {})).toEqual([{ _id: 'p1', roles: 'staff', staffCommunityIds: ['dadu'] }])

    let error: unknown
    try {
      store.insert('people', [{ _id: 'p2', roles: ['staff'], staffCommunityIds: [] }])
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(StoreError)
    expect(error).toMatchObject({ code: 'PARALLEL_ARRAYS', mongoCode: 171, message: 'cannot index parallel arrays [staffCommunityIds] [roles]' })
  })

  test('two dotted keys under the same array are one array field, and allowed', async () => {
    await db.collection('albums').add({ data: { _id: 'a1', photos: [{ a: 1, b: 2 }, { a: 3, b: 4 }] } })
    expect(store.find('albums', { _id: 'a1' })).toHaveLength(1)
    expect(await failure(db.collection('albums').add({ data: { _id: 'a2', photos: [{ a: [1], b: [2] }] } }))).toMatch(/cannot index parallel arrays \[b\] \[a\]/)
  })

  // Source: the same page: "you cannot create a compound multikey index if more than one
  // to-be-indexed field of a document is an array".
  test('declaring such an index over a document that violates it stops the start, naming collection, index and _id', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'boai-conformance-'))
    try {
      const before = DocumentStore.open(dir, { collections: { people: { indexes: [] } } })
      before.insert('people', [{ _id: 'p-ok', roles: [], staffCommunityIds: 'dadu' }, { _id: 'p-both', roles: [], staffCommunityIds: [] }])
      before.close()
      const declared: DatabaseManifest = { collections: { people: { indexes: [{ name: 'staff_of_community', keys: { roles: 1, staffCommunityIds: 1 } }] } } }
      expect(() => DocumentStore.open(dir, declared)).toThrow(/index staff_of_community of people, but document _id "p-both" .*cannot index parallel arrays \[staffCommunityIds\] \[roles\]/)
      expect(fs.existsSync(path.join(dir, 'store.lock'))).toBe(false)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  // Source: https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/database/Database.serverDate.html
  // shows db.serverDate() only as a field value of add and update; anywhere else (arrays, nested
  // objects, other operators) is undocumented, so refused. Stricter than the page, which also names
  // query conditions: refused too, as issue #19 decided.
  test('db.serverDate() is accepted as a top-level field value of add, update and set', async () => {
    const before = Date.now()
    await db.collection('wishes').add({ data: { _id: 'w-sd', status: 'open', createdAt: db.serverDate() } })
    await db.collection('wishes').doc('w-sd').update({ data: { claimedAt: db.serverDate({ offset: 1000 }) } })
    const [doc] = store.find('wishes', { _id: 'w-sd' })
    expect((doc.createdAt as Date).getTime()).toBeGreaterThanOrEqual(before)
    expect((doc.claimedAt as Date).getTime()).toBeGreaterThanOrEqual(before + 1000)
    await db.collection('wishes').doc('w-sd-set').set({ data: { status: 'open', at: db.serverDate() } })
    expect(store.find('wishes', { _id: 'w-sd-set' })[0].at).toBeInstanceOf(Date)
  })

  test('db.serverDate() in a pushed entry, in an added array, in a nested object or in a query is refused, and nothing is written', async () => {
    await db.collection('wishes').add({ data: { _id: 'w-sd2', status: 'open', history: [], fulfilment: {} } })
    const refused = /db\.serverDate\(\) is accepted only as the value of a top-level field/
    expect(await failure(db.collection('wishes').doc('w-sd2').update({ data: { history: _.push({ at: db.serverDate(), action: 'claim' }) } }))).toMatch(refused)
    expect(await failure(db.collection('wishes').add({ data: { _id: 'w-sd3', history: [{ at: db.serverDate() }] } }))).toMatch(refused)
    // The SDK sends this as $set { 'fulfilment.at': … }.
    expect(await failure(db.collection('wishes').doc('w-sd2').update({ data: { fulfilment: { at: db.serverDate() } } }))).toMatch(refused)
    expect(await failure(db.collection('wishes').add({ data: { _id: 'w-sd4', fulfilment: { at: db.serverDate() } } }))).toMatch(refused)
    expect(await failure(db.collection('wishes').where({ status: 'open', createdAt: _.lt(db.serverDate()) }).get())).toMatch(refused)
    expect(store.find('wishes', { _id: 'w-sd2' })).toEqual([{ _id: 'w-sd2', status: 'open', history: [], fulfilment: {} }])
    expect(store.find('wishes', { _id: { $in: ['w-sd3', 'w-sd4'] } })).toEqual([])
  })
})

describe('requests take network time, so concurrent calls interleave', () => {
  // CloudBase serves each request over the network; two invocations reading and then writing
  // interleave between their requests. With DB_LATENCY_MS the local cloud does too.
  test('read-modify-write loses updates under concurrency; an atomic operator does not', async () => {
    await db.collection('counters').add({ data: { _id: 'rmw', n: 0 } })
    await db.collection('counters').add({ data: { _id: 'inc', n: 0 } })
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        const { data } = await db.collection('counters').doc('rmw').get()
        await db.collection('counters').doc('rmw').update({ data: { n: data.n + 1 } })
        await db.collection('counters').doc('inc').update({ data: { n: _.inc(1) } })
      }),
    )
    expect(store.find('counters', { _id: 'inc' })[0].n).toBe(20)
    expect(store.find('counters', { _id: 'rmw' })[0].n).toBeLessThan(20)
  })

  test('a conditional update is still atomic: of 30 concurrent claims exactly one changes the document', async () => {
    await db.collection('wishes').add({ data: { _id: 'w-claim', status: 'open' } })
    const results = await Promise.all(
      Array.from({ length: 30 }, (_unused, i) => db.collection('wishes').where({ _id: 'w-claim', status: 'open' }).update({ data: { status: 'claimed', by: `v${i}` } })),
    )
    expect(results.map((r: { stats: { updated: number } }) => r.stats.updated).filter((n: number) => n === 1)).toHaveLength(1)
  })
})
