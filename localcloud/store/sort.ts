/**
 * Sorting for `orderBy` on plain document fields, in MongoDB's order of types (missing and
 * null first, then numbers, strings, objects, arrays, booleans, dates). Sorting with it and
 * slicing the page before projecting is much cheaper than a general aggregation sort.
 */
type Spec = Record<string, 1 | -1>

/** A Date from any realm: `instanceof Date` is false for one made in a function's or a test's vm context. */
const isDate = (value: unknown): value is Date => Object.prototype.toString.call(value) === '[object Date]'

const TYPE_RANK = (value: unknown): number => {
  if (value === undefined || value === null) return 0
  if (typeof value === 'number') return 1
  if (typeof value === 'string') return 2
  if (isDate(value)) return 6
  if (Array.isArray(value)) return 4
  if (typeof value === 'boolean') return 5
  return 3
}

function valueAt(doc: Record<string, unknown>, path: string): unknown {
  let value: unknown = doc
  for (const key of path.split('.')) {
    if (!value || typeof value !== 'object') return undefined
    value = (value as Record<string, unknown>)[key]
  }
  return value
}

function compareValues(a: unknown, b: unknown): number {
  const rankA = TYPE_RANK(a)
  const rankB = TYPE_RANK(b)
  if (rankA !== rankB) return rankA - rankB
  if (isDate(a) && isDate(b)) return a.getTime() - b.getTime()
  if (typeof a === 'number' || typeof a === 'string' || typeof a === 'boolean') return a < (b as typeof a) ? -1 : a > (b as typeof a) ? 1 : 0
  return 0
}

/** Sorts documents, reading each one's sort keys once (not on every comparison). */
export function sortDocs<T extends Record<string, unknown>>(docs: T[], spec: Spec): T[] {
  const keys = Object.entries(spec)
  const decorated = docs.map((doc) => ({ doc, values: keys.map(([path]) => valueAt(doc, path)) }))
  decorated.sort((a, b) => {
    for (let i = 0; i < keys.length; i++) {
      const order = compareValues(a.values[i], b.values[i])
      if (order !== 0) return order * keys[i][1]
    }
    return 0
  })
  return decorated.map((entry) => entry.doc)
}
