import type { IndexSpec } from './manifest'

type Criteria = Record<string, unknown>
type Sort = Record<string, 1 | -1>

/** What an index must cover for one query: equality fields, sort fields in order, range fields. */
type QueryShape = { equality: Set<string>; range: Set<string>; geo: string | null }

const GEO_OPERATORS = new Set(['$nearSphere', '$near', '$geoWithin', '$geoIntersects'])
/** Operators MongoDB answers with point intervals of an index (equality for prefix purposes). */
const POINT_OPERATORS = new Set(['$eq', '$in'])

const isOperatorObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) && Object.keys(value).some((key) => key.startsWith('$'))

/** The shapes of a query: one per `$or` branch (every branch needs an index of its own). */
function shapesOf(criteria: Criteria, base: QueryShape = { equality: new Set(), range: new Set(), geo: null }): QueryShape[] {
  let shapes: QueryShape[] = [{ equality: new Set(base.equality), range: new Set(base.range), geo: base.geo }]
  for (const [key, value] of Object.entries(criteria)) {
    if (key === '$and') {
      for (const part of value as Criteria[]) shapes = shapes.flatMap((shape) => shapesOf(part, shape))
    } else if (key === '$or') {
      shapes = shapes.flatMap((shape) => (value as Criteria[]).flatMap((branch) => shapesOf(branch, shape)))
    } else if (key.startsWith('$')) {
      throw new Error(`${key} cannot use an index`)
    } else if (!isOperatorObject(value)) {
      shapes.forEach((shape) => shape.equality.add(key))
    } else {
      const operators = Object.keys(value)
      if (operators.some((op) => GEO_OPERATORS.has(op))) shapes.forEach((shape) => (shape.geo = key))
      else if (operators.every((op) => POINT_OPERATORS.has(op))) shapes.forEach((shape) => shape.equality.add(key))
      else shapes.forEach((shape) => shape.range.add(key))
    }
  }
  return shapes
}

/** MongoDB's equality–sort–range rule: equality fields first (any order), the sort in order, then ranges. */
function serves(index: IndexSpec, shape: QueryShape, sort: Array<[string, 1 | -1]>): boolean {
  const keys = Object.entries(index.keys)
  if (shape.geo) return index.keys[shape.geo] === '2dsphere'
  const n = shape.equality.size
  if (!keys.slice(0, n).every(([field]) => shape.equality.has(field)) || keys.length < n) return false
  const sorted = sort.filter(([field]) => !shape.equality.has(field))
  const sortKeys = keys.slice(n, n + sorted.length)
  if (sortKeys.length < sorted.length || sorted.some(([field], i) => sortKeys[i][0] !== field)) return false
  const flips = sorted.map(([, direction], i) => direction === sortKeys[i][1])
  if (flips.some((same) => same !== flips[0])) return false
  const after = new Set(keys.slice(n).map(([field]) => field))
  return [...shape.range].every((field) => after.has(field))
}

/** CloudBase's own index on `_id`, which every collection has: it serves `_id` ranges and order too. */
const ID_INDEX: IndexSpec = { name: '_id_', keys: { _id: 1 } }

/**
 * Why no declared index serves this query, or null when one does (or it is a lookup by `_id`,
 * which CloudBase's own index serves). A query with neither filter nor sort is a bounded scan.
 */
export function uncoveredQuery(indexes: IndexSpec[], criteria: Criteria, sort: Sort = {}): string | null {
  const sortList = Object.entries(sort)
  if (Object.keys(criteria).length === 0 && sortList.length === 0) return null
  let shapes: QueryShape[]
  try {
    shapes = shapesOf(criteria)
  } catch (error) {
    return (error as Error).message
  }
  for (const shape of shapes) {
    if (shape.equality.has('_id') && !shape.geo) continue
    if ([ID_INDEX, ...indexes].some((index) => serves(index, shape, sortList))) continue
    const describe = [
      ...[...shape.equality].map((field) => `${field} =`),
      ...[...shape.range].map((field) => `${field} range`),
      ...(shape.geo ? [`${shape.geo} geo`] : []),
    ]
    const order = sortList.length ? ` sorted by ${sortList.map(([field, d]) => `${field} ${d === 1 ? 'asc' : 'desc'}`).join(', ')}` : ''
    return `{ ${describe.join(', ')} }${order}`
  }
  return null
}
