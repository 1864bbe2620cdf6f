import os from 'node:os'
import path from 'node:path'
import { DocumentStore } from '../store/document-store'
import { installLocalBackend, wxServerSdk } from './install'
import { Outbox } from './openapi'
import { FileStorage } from './storage'

/** What the functions rely on, exercised through the real `wx-server-sdk` against the store. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let db: any
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let _: any

beforeAll(async () => {
  const byField = (...fields: string[]) => fields.map((field) => ({ name: field, keys: { [field]: 1 as const } }))
  const store = DocumentStore.open(null, {
    collections: {
      people: { indexes: [...byField('community', 'age', 'phone'), { name: 'community_phone', keys: { community: 1, phone: 1 } }] },
      places: { indexes: [] },
      aeds: { indexes: [{ name: 'location_geo', keys: { location: '2dsphere' } }] },
      wishes: { indexes: [] },
    },
  })
  installLocalBackend({ store, storage: new FileStorage(path.join(os.tmpdir(), 'boai-sem')), outbox: new Outbox() })
  const cloud = wxServerSdk() as { init(options: object): void; database(): unknown }
  cloud.init({ env: 'semantics-test' })
  db = cloud.database()
  _ = db.command
  const people = [
    { _id: 'p1', name: '王', age: 72, community: 'yulan', tags: ['elder'], phone: '13800000001' },
    { _id: 'p2', name: '李', age: 35, community: 'dadu', tags: [] },
    { _id: 'p3', name: '陈', age: 16, community: 'gangyue', tags: ['youth'], phone: '13800000003' },
    { _id: 'p4', name: '张', age: 48, community: 'yulan', tags: ['staff'] },
  ]
  for (const person of people) await db.collection('people').add({ data: person })
})

const ids = (result: { data: Array<{ _id: string }> }) => result.data.map((d) => d._id).sort()
const where = (criteria: object) => db.collection('people').where(criteria).get()

test('doc().get reads one document; a missing one is an error, as on CloudBase', async () => {
  const { data } = await db.collection('people').doc('p1').get()
  expect(data).toMatchObject({ _id: 'p1', name: '王', age: 72 })
  await expect(db.collection('people').doc('nobody').get()).rejects.toThrow()
})

test.each([
  ['eq', () => ({ community: _.eq('yulan') }), ['p1', 'p4']],
  ['neq', () => ({ community: _.neq('yulan') }), ['p2', 'p3']],
  ['gt', () => ({ age: _.gt(48) }), ['p1']],
  ['gte', () => ({ age: _.gte(48) }), ['p1', 'p4']],
  ['lt', () => ({ age: _.lt(18) }), ['p3']],
  ['lte', () => ({ age: _.lte(35) }), ['p2', 'p3']],
  ['in', () => ({ community: _.in(['dadu', 'gangyue']) }), ['p2', 'p3']],
  ['nin', () => ({ community: _.nin(['dadu', 'gangyue']) }), ['p1', 'p4']],
  ['and', () => ({ age: _.gt(20).and(_.lt(50)) }), ['p2', 'p4']],
  ['or', () => _.or([{ age: _.lt(18) }, { community: 'dadu' }]), ['p2', 'p3']],
  ['exists', () => ({ phone: _.exists(true) }), ['p1', 'p3']],
])('where with _.%s', async (_name, criteria, expected) => {
  expect(ids(await where(criteria()))).toEqual(expected)
})

test('orderBy, skip, limit, count and field', async () => {
  const page = await db.collection('people').orderBy('age', 'desc').skip(1).limit(2).field({ name: true }).get()
  expect(page.data).toEqual([
    { _id: 'p4', name: '张' },
    { _id: 'p2', name: '李' },
  ])
  expect((await db.collection('people').where({ community: 'yulan' }).count()).total).toBe(2)
})

test('update operators: set, inc, push, remove; serverDate is filled in by the server', async () => {
  const before = Date.now()
  await db.collection('people').doc('p2').update({ data: { nickname: '小李', visits: _.inc(2), tags: _.push(['helper']), seenAt: db.serverDate() } })
  await db.collection('people').doc('p2').update({ data: { visits: _.inc(1), nickname: _.remove() } })
  const { data } = await db.collection('people').doc('p2').get()
  expect(data.visits).toBe(3)
  expect(data.tags).toEqual(['helper'])
  expect(data).not.toHaveProperty('nickname')
  expect(data.seenAt).toBeInstanceOf(Date)
  expect(data.seenAt.getTime()).toBeGreaterThanOrEqual(before - 5)
})

test('doc().set replaces or creates; doc().remove deletes', async () => {
  await db.collection('people').doc('p5').set({ data: { name: '赵', age: 60 } })
  await db.collection('people').doc('p5').set({ data: { name: '赵阿姨' } })
  const { data } = await db.collection('people').doc('p5').get()
  expect(data).toEqual({ _id: 'p5', name: '赵阿姨' })
  const removed = await db.collection('people').doc('p5').remove()
  expect(removed.stats.removed).toBe(1)
  expect((await db.collection('people').where({ _id: 'p5' }).count()).total).toBe(0)
})

test('geo points are stored and read back as points', async () => {
  await db.collection('places').add({ data: { _id: 'aed1', location: new db.Geo.Point(120.5068, 30.0656) } })
  const { data } = await db.collection('places').doc('aed1').get()
  // The SDK decodes GeoJSON into its own Point class (the one behind db.Geo.Point).
  expect(data.location.constructor.name).toBe('Point')
  expect([data.location.longitude, data.location.latitude]).toEqual([120.5068, 30.0656])
})

test('geoNear answers nearest first, within the radius, with the other conditions applied', async () => {
  const places = [
    ['near-open', 120.5070, 30.0660, 'available'],
    ['mid-open', 120.5100, 30.0700, 'available'],
    ['near-broken', 120.5069, 30.0657, 'maintenance'],
    ['far-open', 120.6000, 30.1500, 'available'],
  ] as const
  for (const [_id, lng, lat, status] of places) await db.collection('aeds').add({ data: { _id, status, location: new db.Geo.Point(lng, lat) } })
  const { data } = await db
    .collection('aeds')
    .where({ status: 'available', location: _.geoNear({ geometry: new db.Geo.Point(120.5068, 30.0656), maxDistance: 5000 }) })
    .limit(10)
    .get()
  expect(data.map((d: { _id: string }) => d._id)).toEqual(['near-open', 'mid-open'])
})

test('a duplicate _id is refused and the first document stays', async () => {
  await expect(db.collection('people').add({ data: { _id: 'p1', name: 'intruder' } })).rejects.toThrow()
  expect((await db.collection('people').doc('p1').get()).data.name).toBe('王')
})

test('conditional update is atomic: of 50 concurrent claims exactly one wins', async () => {
  await db.collection('wishes').add({ data: { _id: 'w1', status: 'open', claims: 0 } })
  const results = await Promise.all(
    Array.from({ length: 50 }, (_unused, i) =>
      db.collection('wishes').where({ _id: 'w1', status: 'open' }).update({ data: { status: 'claimed', claimer: `v${i}`, claims: _.inc(1) } }),
    ),
  )
  const updated = results.map((r: { stats: { updated: number } }) => r.stats.updated)
  expect(updated.filter((n: number) => n === 1)).toHaveLength(1)
  expect(updated.filter((n: number) => n === 0)).toHaveLength(49)
  const { data } = await db.collection('wishes').doc('w1').get()
  expect(data.claims).toBe(1)
})

test('aggregate runs match/group/sort', async () => {
  const { list } = await db
    .collection('people')
    .aggregate()
    .match({ age: _.gte(18) })
    .group({ _id: '$community', n: db.command.aggregate.sum(1) })
    .sort({ _id: 1 })
    .end()
  expect(list).toEqual([
    { _id: 'dadu', n: 1 },
    { _id: 'yulan', n: 2 },
  ])
})

test('db.RegExp matches like MongoDB\'s $regex, needs an index like any range, and escaped input is literal', async () => {
  const named = async (regexp: string, options = 'i') => ids(await db.collection('people').where({ community: 'yulan', phone: db.RegExp({ regexp, options }) }).get())
  expect(await named('0001$')).toEqual(['p1'])
  expect(await named('^1380')).toEqual(['p1'])
  // A regex is a range for the index rule: served by community's index only with the field after it.
  await expect(db.collection('people').where({ name: db.RegExp({ regexp: '王', options: '' }) }).get()).rejects.toThrow()
  // A user's "." escaped is a literal dot, which no phone has.
  expect(await named('\\.')).toEqual([])
})
