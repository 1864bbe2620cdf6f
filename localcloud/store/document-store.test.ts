import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DocumentStore } from './document-store'

let dir: string
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'boai-store-'))
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

const journal = () => path.join(dir, 'store.ndjson')

test('documents, dates and updates survive closing and reopening', () => {
  const store = DocumentStore.open(dir)
  const at = new Date('2026-11-23T08:00:00Z')
  store.insert('wishes', [{ _id: 'w1', title: '修灯', at, n: 1 }])
  store.update('wishes', { _id: 'w1' }, { $inc: { n: 2 }, $push: { log: 'claimed' } })
  store.insert('wishes', [{ _id: 'w2', title: '陪诊' }])
  store.remove('wishes', { _id: 'w2' })
  store.close()

  const reopened = DocumentStore.open(dir)
  expect(reopened.find('wishes', {})).toEqual([{ _id: 'w1', title: '修灯', at, n: 3, log: ['claimed'] }])
  reopened.close()
})

test('a torn last line (killed mid-write, never acknowledged) is dropped and the store opens', () => {
  const store = DocumentStore.open(dir)
  store.insert('users', [{ _id: 'u1' }])
  store.close()
  fs.appendFileSync(journal(), '{"c":"users","put":[{"_id":"u2"')

  const reopened = DocumentStore.open(dir)
  expect(reopened.find('users', {}).map((d) => d._id)).toEqual(['u1'])
  reopened.insert('users', [{ _id: 'u3' }])
  reopened.close()
  expect(DocumentStore.open(dir).find('users', {}).map((d) => d._id)).toEqual(['u1', 'u3'])
})

test('compaction rewrites the journal to the live documents only', () => {
  const store = DocumentStore.open(dir)
  store.insert('counters', [{ _id: 'c', n: 0 }])
  for (let i = 0; i < 200; i++) store.update('counters', { _id: 'c' }, { $inc: { n: 1 } })
  const before = fs.statSync(journal()).size
  store.compact()
  expect(fs.statSync(journal()).size).toBeLessThan(before / 50)
  store.close()
  expect(DocumentStore.open(dir).find('counters', {})).toEqual([{ _id: 'c', n: 200 }])
})

test('a multi-document update is one journal line: applied whole or not at all', () => {
  const store = DocumentStore.open(dir)
  store.insert('inbox', [{ _id: 'm1', openid: 'a', read: false }, { _id: 'm2', openid: 'a', read: false }])
  const lines = fs.readFileSync(journal(), 'utf8').trim().split('\n').length
  expect(store.update('inbox', { openid: 'a', read: false }, { $set: { read: true } })).toEqual({ matched: 2, changed: 2 })
  expect(fs.readFileSync(journal(), 'utf8').trim().split('\n')).toHaveLength(lines + 1)
  store.close()
})

test('a rejected insert or update changes nothing', () => {
  const store = DocumentStore.open(dir)
  store.insert('users', [{ _id: 'u1', n: 1 }])
  expect(() => store.insert('users', [{ _id: 'u2' }, { _id: 'u1' }])).toThrow(/duplicate/)
  expect(() => store.update('users', { _id: 'u1' }, { $inc: { n: 'x' } })).toThrow()
  expect(store.find('users', {})).toEqual([{ _id: 'u1', n: 1 }])
  store.close()
})

test('a second process cannot open a data folder in use', () => {
  const store = DocumentStore.open(dir)
  fs.writeFileSync(path.join(dir, 'store.lock'), String(process.ppid))
  expect(() => DocumentStore.open(dir)).toThrow(/正被进程/)
  store.close()
})
