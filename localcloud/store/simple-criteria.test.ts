import { Query } from 'mingo'
import { simplePredicate } from './simple-criteria'

/** The fast path must agree with mingo (MongoDB semantics) on every document. */
const docs = [
  { _id: '1', status: 'open', n: 1, tags: ['a', 'b'], flag: true },
  { _id: '2', status: 'claimed', n: 2, tags: [], flag: false },
  { _id: '3', status: 'open', n: '1', tags: 'a' },
  { _id: '4', n: null, tags: ['c'] },
  { _id: '5', status: ['open'], n: 1 },
]

test.each([
  [{ status: 'open' }],
  [{ status: { $eq: 'open' } }],
  [{ status: { $in: ['open', 'claimed'] } }],
  [{ n: 1 }],
  [{ tags: 'a' }],
  [{ tags: { $in: ['b', 'c'] } }],
  [{ flag: true }],
  [{ status: 'open', n: 1 }],
  [{ missing: 'x' }],
])('%j agrees with mingo', (criteria) => {
  const predicate = simplePredicate(criteria)
  expect(predicate).not.toBeNull()
  const query = new Query(criteria)
  expect(docs.filter((d) => predicate!(d)).map((d) => d._id)).toEqual(docs.filter((d) => query.test(d)).map((d) => d._id))
})

test.each([[{ 'a.b': 1 }], [{ $or: [{ a: 1 }] }], [{ n: { $gt: 1 } }], [{ at: new Date() }], [{ n: { $in: [1], $nin: [2] } }]])('%j is left to mingo', (criteria) => {
  expect(simplePredicate(criteria as Record<string, unknown>)).toBeNull()
})
