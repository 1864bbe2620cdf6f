import os from 'node:os'
import path from 'node:path'
import { DocumentStore } from '../store/document-store'
import { installLocalBackend, wxServerSdk } from './install'
import { Outbox } from './openapi'
import { FileStorage } from './storage'

/**
 * The local cloud answers the SDK's wire format, which is not a public API. These tests pin the
 * exact requests `wx-server-sdk` sends: an upgrade that changes them fails here first.
 */
type Sent = { action: string; params: Record<string, unknown> }
const sent: Sent[] = []

// eslint-disable-next-line @typescript-eslint/no-explicit-any
let db: any

beforeAll(() => {
  installLocalBackend({
    // Only what these requests need: the contract is about the wire, not the project's indexes.
    store: DocumentStore.open(null, {
      collections: {
        wishes: { indexes: [{ name: 'status_created', keys: { status: 1, createdAt: -1, n: 1 } }] },
        aeds: { indexes: [] },
      },
    }),
    storage: new FileStorage(path.join(os.tmpdir(), 'boai-wire')),
    outbox: new Outbox(),
    onDatabaseRequest: (action, params) => sent.push({ action, params }),
  })
  const cloud = wxServerSdk() as { init(options: object): void; database(): unknown }
  cloud.init({ env: 'contract-test' })
  db = cloud.database()
})

async function lastRequest(run: () => Promise<unknown>): Promise<Sent> {
  sent.length = 0
  await run()
  expect(sent).toHaveLength(1)
  return sent[0]
}

const ejson = (value: unknown) => JSON.parse(value as string)

test('the pinned SDK versions are the ones this contract was written against', () => {
  expect(require('wx-server-sdk/package.json').version).toBe('4.0.2')
  expect(require('@cloudbase/node-sdk/package.json').version).toBe('3.17.2')
})

test('add → database.insertDocument with EJSON documents and the server-date marker', async () => {
  const { action, params } = await lastRequest(() => db.collection('wishes').add({ data: { title: 't', n: 1, at: db.serverDate() } }))
  expect(action).toBe('database.insertDocument')
  expect(params.collectionName).toBe('wishes')
  expect((params.data as string[]).map(ejson)).toEqual([{ title: 't', n: { $numberInt: '1' }, at: { $tcb_server_date: { offset: { $numberInt: '0' } } } }])
})

test('where/orderBy/skip/limit/field/get → database.getDocument', async () => {
  const _ = db.command
  const { action, params } = await lastRequest(() =>
    db.collection('wishes').where({ status: 'open', n: _.gt(1) }).orderBy('createdAt', 'desc').skip(20).limit(10).field({ title: true }).get(),
  )
  expect(action).toBe('database.getDocument')
  expect(params).toMatchObject({ collectionName: 'wishes', queryType: 'WHERE', offset: 20, limit: 10 })
  expect(ejson(params.query)).toEqual({ status: 'open', n: { $gt: { $numberInt: '1' } } })
  expect(ejson(params.order)).toEqual({ createdAt: { $numberInt: '-1' } })
  expect(ejson(params.projection)).toEqual({ title: { $numberInt: '1' } })
})

test('count → database.calculateDocument', async () => {
  const { action, params } = await lastRequest(() => db.collection('wishes').where({ status: 'open' }).count())
  expect(action).toBe('database.calculateDocument')
  expect(ejson(params.query)).toEqual({ status: 'open' })
})

test('conditional update → database.modifyDocument with $set/$inc/$push/$unset', async () => {
  const _ = db.command
  const { action, params } = await lastRequest(() =>
    db.collection('wishes').where({ _id: 'w1', status: 'open' }).update({
      data: { status: 'claimed', claims: _.inc(1), history: _.push({ to: 'claimed' }), draft: _.remove() },
    }),
  )
  expect(action).toBe('database.modifyDocument')
  expect(params).toMatchObject({ queryType: 'WHERE', multi: true, merge: true, upsert: false })
  expect(ejson(params.data)).toEqual({
    $set: { status: 'claimed' },
    $inc: { claims: { $numberInt: '1' } },
    $push: { history: { $each: [{ to: 'claimed' }] } },
    $unset: { draft: '' },
  })
})

test('doc().set → replace with upsert; doc().update → merge on one document', async () => {
  const set = await lastRequest(() => db.collection('wishes').doc('w1').set({ data: { title: 'x' } }))
  expect(set.action).toBe('database.modifyDocument')
  expect(set.params).toMatchObject({ queryType: 'DOC', multi: false, merge: false, upsert: true })
  expect(ejson(set.params.query)).toEqual({ _id: 'w1' })
  expect(ejson(set.params.data)).toEqual({ title: 'x' })

  const update = await lastRequest(() => db.collection('wishes').doc('w1').update({ data: { title: 'y' } }))
  expect(update.params).toMatchObject({ queryType: 'DOC', multi: false, merge: true, upsert: false })
  expect(ejson(update.params.data)).toEqual({ $set: { title: 'y' } })
})

test('remove → database.removeDocument; geo values travel as GeoJSON', async () => {
  const removed = await lastRequest(() => db.collection('wishes').where({ status: 'cancelled' }).remove())
  expect(removed.action).toBe('database.removeDocument')
  expect(removed.params.multi).toBe(true)

  const geo = await lastRequest(() => db.collection('aeds').add({ data: { location: new db.Geo.Point(120.5, 30.07) } }))
  expect((geo.params.data as string[]).map(ejson)[0].location).toEqual({
    type: 'Point',
    coordinates: [{ $numberDouble: '120.5' }, { $numberDouble: '30.07' }],
  })
})
