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
