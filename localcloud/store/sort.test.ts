import vm from 'node:vm'
import { sortDocs } from './sort'

test('orders by several fields, each ascending or descending, with MongoDB type order', () => {
  const docs = [
    { _id: 'a', rank: 1, at: new Date('2026-01-02') },
    { _id: 'b', rank: 0, at: new Date('2026-01-01') },
    { _id: 'c', rank: 0, at: new Date('2026-01-03') },
    { _id: 'd', at: new Date('2026-01-04') },
    { _id: 'e', rank: 'x', at: new Date('2026-01-05') },
  ]
  expect(sortDocs(docs, { rank: 1, at: -1 }).map((d) => d._id)).toEqual(['d', 'c', 'b', 'a', 'e'])
})

test('dotted paths reach into objects', () => {
  const docs = [{ _id: 'x', p: { n: 2 } }, { _id: 'y', p: { n: 1 } }]
  expect(sortDocs(docs, { 'p.n': 1 }).map((d) => d._id)).toEqual(['y', 'x'])
})

test('dates made in another realm (a vm context) sort as dates, not as objects', () => {
  const foreign = (iso: string) => vm.runInNewContext(`new Date(${JSON.stringify(iso)})`) as Date
  expect(foreign('2026-01-01') instanceof Date).toBe(false)
  const docs = [
    { _id: 'late', at: foreign('2026-03-01') },
    { _id: 'early', at: new Date('2026-01-01') },
    { _id: 'middle', at: foreign('2026-02-01') },
  ]
  expect(sortDocs(docs, { at: -1 }).map((d) => d._id)).toEqual(['late', 'middle', 'early'])
})
