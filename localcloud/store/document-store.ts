import crypto from 'node:crypto'
import fs from 'node:fs'
import { find, Query } from 'mingo'
import { update as applyUpdate, type UpdateExpression } from 'mingo/updater'
import { GeoIndex, isGeoPoint, type GeoPoint } from './geo-index'
import { uncoveredQuery } from './index-coverage'
import { acquireLock, Journal, type Change } from './journal'
import { geoFieldsOf, loadManifest, type DatabaseManifest, type IndexSpec } from './manifest'
import { PARALLEL_ARRAYS_CODE, parallelArrays } from './parallel-arrays'
import { simplePredicate } from './simple-criteria'
import { sortDocs } from './sort'
import { StoreError, type Doc, type FindOptions } from './types'
import { checkUpdate } from './update-rules'

type Criteria = Record<string, unknown>
/** `changed` is what CloudBase answers as `stats.updated`: documents whose content changed. */
export type WriteResult = { matched: number; changed: number; upsertedId?: string }

const newId = () => crypto.randomBytes(16).toString('hex')

/** `{ _id: 'x' }` (or `{ _id: { $eq: 'x' } }`): answered from the key map, not a scan. */
function idOf(criteria: Criteria): string | undefined {
  const id = criteria._id
  if (typeof id === 'string') return id
  if (id && typeof id === 'object' && typeof (id as { $eq?: unknown }).$eq === 'string') return (id as { $eq: string }).$eq
  return undefined
}

/** A unique index: key values → the `_id` holding them. */
type UniqueIndex = { spec: IndexSpec; owners: Map<string, string> }

/**
 * The embedded document store of the local cloud: collections of documents in memory, every
 * acknowledged write journalled to disk first. Each operation runs synchronously in one
 * JavaScript turn, which is what makes a conditional update atomic against concurrent callers.
 *
 * As strict as CloudBase: only the collections of the manifest exist (plus those created with
 * `createCollection`), a geo query needs a declared geo index, unique indexes refuse duplicates,
 * and a query no declared index serves is refused (CloudBase would scan; we fail loudly instead).
 */
export class DocumentStore {
  private readonly collections = new Map<string, Map<string, Doc>>()
  /** Grid indexes of the declared geo fields, by collection then field, kept with every write. */
  private readonly geoIndexes = new Map<string, Map<string, GeoIndex>>()
  private readonly uniqueIndexes = new Map<string, UniqueIndex[]>()
  private readonly journal: Journal | null
  private readonly lockFile: string | null
  /** Created by this open (in memory, or in an empty folder): the only store the demo data may be seeded into. */
  readonly isNew: boolean

  private constructor(
    dir: string | null,
    private readonly manifest: DatabaseManifest,
  ) {
    for (const name of Object.keys(manifest.collections)) this.create(name)
    if (dir === null) {
      this.journal = null
      this.lockFile = null
      this.isNew = true
      return
    }
    const lockFile = acquireLock(dir)
    let journal: Journal | null = null
    try {
      journal = Journal.open(dir, (change) => this.apply(change))
      this.assertIndexesBuild()
    } catch (error) {
      journal?.close()
      // Nothing holds the folder now: a stale lock of a live process (tests) would block the repair.
      fs.rmSync(lockFile, { force: true })
      throw error
    }
    this.lockFile = lockFile
    this.journal = journal
    this.isNew = journal.fresh
  }

  /** A store persisted in `dir`, or in memory only when `dir` is null, with the collections of `manifest`. */
  static open(dir: string | null, manifest: DatabaseManifest = loadManifest()): DocumentStore {
    return new DocumentStore(dir, manifest)
  }

  close(): void {
    this.journal?.close()
    if (this.lockFile) fs.rmSync(this.lockFile, { force: true })
  }

  collectionNames(): string[] {
    return [...this.collections.keys()]
  }

  isEmpty(): boolean {
    return [...this.collections.values()].every((docs) => docs.size === 0)
  }

  hasCollection(name: string): boolean {
    return this.collections.has(name)
  }

  /** `db.createCollection`: journalled as an empty write, so it survives a restart. */
  createCollection(name: string): void {
    if (this.collections.has(name)) throw new StoreError('COLLECTION_EXISTS', `collection ${name} already exists`)
    this.commit({ c: name, put: [] })
  }

  find(collection: string, criteria: Criteria, options: FindOptions = {}): Doc[] {
    this.assertIndexed(collection, criteria, options.sort)
    const near = nearSphereOf(criteria)
    if (near) return this.findNear(collection, near, options)
    let docs = this.match(collection, criteria)
    if (options.sort && Object.keys(options.sort).length > 0) docs = sortDocs(docs, options.sort)
    const start = options.skip ?? 0
    docs = docs.slice(start, options.limit === undefined ? undefined : start + options.limit)
    return options.projection ? (find(docs, {}, options.projection).all() as Doc[]) : docs
  }

  count(collection: string, criteria: Criteria): number {
    this.assertIndexed(collection, criteria)
    return this.match(collection, criteria).length
  }

  insert(collection: string, docs: Array<Omit<Doc, '_id'> & { _id?: unknown }>): string[] {
    const existing = this.docs(collection)
    const prepared = docs.map((doc) => ({ ...doc, _id: doc._id === undefined ? newId() : String(doc._id) }) as Doc)
    const ids = new Set<string>()
    for (const doc of prepared) {
      if (existing.has(doc._id) || ids.has(doc._id)) {
        throw new StoreError('DUPLICATE_KEY', `E11000 duplicate key error collection: ${collection} index: _id_ dup key: { _id: "${doc._id}" }`)
      }
      ids.add(doc._id)
    }
    this.assertIndexable(collection, prepared)
    this.commit({ c: collection, put: prepared })
    return prepared.map((doc) => doc._id)
  }

  /** Applies update operators to every match (or the first, unless `multi`). */
  update(collection: string, criteria: Criteria, expr: Record<string, unknown>, { multi = true, upsert = false } = {}): WriteResult {
    this.assertIndexed(collection, criteria)
    const targets = this.match(collection, criteria)
    const chosen = multi ? targets : targets.slice(0, 1)
    if (chosen.length === 0 && upsert) {
      const seed = Object.fromEntries(Object.entries(criteria).filter(([key, value]) => !key.startsWith('$') && !isOperatorObject(value)))
      const doc = this.applyOperators({ ...seed, _id: String(seed._id ?? newId()) } as Doc, expr)
      this.assertIndexable(collection, [doc])
      this.commit({ c: collection, put: [doc] })
      return { matched: 0, changed: 0, upsertedId: doc._id }
    }
    // Every document is checked before any is written: a refused update changes nothing.
    const changed = chosen.map((doc) => [doc, this.applyOperators(doc, expr)] as const).filter(([before, after]) => !sameValue(before, after))
    const after = changed.map(([, doc]) => doc)
    this.assertIndexable(collection, after)
    if (after.length > 0) this.commit({ c: collection, put: after })
    return { matched: chosen.length, changed: after.length }
  }

  /** Replaces the document with this `_id`, creating it when absent (`doc().set`). */
  replace(collection: string, id: string, data: Record<string, unknown>): WriteResult {
    const before = this.docs(collection).get(id)
    const doc = { ...data, _id: id }
    if (before && sameValue(before, doc)) return { matched: 1, changed: 0 }
    this.assertIndexable(collection, [doc])
    this.commit({ c: collection, put: [doc] })
    return before ? { matched: 1, changed: 1 } : { matched: 0, changed: 0, upsertedId: id }
  }

  remove(collection: string, criteria: Criteria, { multi = true } = {}): number {
    this.assertIndexed(collection, criteria)
    const targets = this.match(collection, criteria)
    const chosen = multi ? targets : targets.slice(0, 1)
    if (chosen.length > 0) this.commit({ c: collection, del: chosen.map((doc) => doc._id) })
    return chosen.length
  }

  /** Refuses a query that no declared index serves (see index-coverage.ts). */
  private assertIndexed(collection: string, criteria: Criteria, sort?: Record<string, 1 | -1>): void {
    this.docs(collection)
    const uncovered = uncoveredQuery(this.indexesOf(collection), criteria, sort)
    if (uncovered) {
      throw new StoreError('UNINDEXED_QUERY', `no index of ${collection} in cloudfunctions/database.json serves the query ${uncovered}`)
    }
  }

  private indexesOf(collection: string): IndexSpec[] {
    return this.manifest.collections[collection]?.indexes ?? []
  }

  /** Whether the app may read the collection's documents directly (`clientRead` in the manifest). */
  isClientReadable(collection: string): boolean {
    return this.manifest.collections[collection]?.clientRead === true
  }

  /** What every declared index asks of documents about to be written: nothing written unless all pass. */
  private assertIndexable(collection: string, docs: Doc[]): void {
    for (const spec of this.indexesOf(collection)) {
      for (const doc of docs) {
        const pair = parallelArrays(spec, doc)
        if (pair) throw new StoreError('PARALLEL_ARRAYS', `cannot index parallel arrays [${pair[0]}] [${pair[1]}]`, PARALLEL_ARRAYS_CODE)
      }
    }
    this.assertUnique(collection, docs)
  }

  /**
   * Declaring an index over documents it cannot hold fails, as MongoDB's createIndex does over
   * existing documents (Multikey Indexes, "Compound Multikey Indexes": "you cannot create a
   * compound multikey index if more than one to-be-indexed field of a document is an array").
   */
  private assertIndexesBuild(): void {
    for (const [collection, docs] of this.collections) {
      for (const spec of this.indexesOf(collection)) {
        for (const doc of docs.values()) {
          const pair = parallelArrays(spec, doc)
          if (!pair) continue
          throw new Error(
            `索引无法建立：集合 ${collection} 的索引 ${spec.name} 不能用于文档 _id=${doc._id}（两个数组字段）。` +
              `（cloudfunctions/database.json declares index ${spec.name} of ${collection}, but document _id "${doc._id}" has array values in two of its fields: ` +
              `cannot index parallel arrays [${pair[0]}] [${pair[1]}], MongoDB error ${PARALLEL_ARRAYS_CODE}.）`,
          )
        }
      }
    }
  }

  /** MongoDB's E11000: a unique index holds each key once (a missing field counts as null). */
  private assertUnique(collection: string, docs: Doc[]): void {
    for (const { spec, owners } of this.uniqueIndexes.get(collection) ?? []) {
      const seen = new Map<string, string>()
      for (const doc of docs) {
        const key = uniqueKey(spec, doc)
        const owner = seen.get(key) ?? owners.get(key)
        if (owner !== undefined && owner !== doc._id) {
          throw new StoreError('DUPLICATE_KEY', `E11000 duplicate key error collection: ${collection} index: ${spec.name} dup key: ${key}`)
        }
        seen.set(key, doc._id)
      }
    }
  }

  /** Drops everything (seed --reset). */
  clear(): void {
    for (const name of this.collectionNames()) {
      const ids = [...this.docs(name).keys()]
      if (ids.length > 0) this.commit({ c: name, del: ids })
    }
    this.compact()
  }

  compact(): void {
    this.journal?.compact(this.snapshot())
  }

  /** `$nearSphere` (`_.geoNear`): nearest first, through the field's grid index. */
  private findNear(collection: string, near: NearQuery, options: FindOptions): Doc[] {
    const docs = this.docs(collection)
    const index = this.geoIndexes.get(collection)?.get(near.field)
    if (!index) throw new StoreError('INVALID_QUERY', `unable to find index for $geoNear query on ${collection}.${near.field}`)
    const rest = this.predicate(near.rest)
    const start = options.skip ?? 0
    const wanted = start + (options.limit ?? 100)
    const hits = index.nearest(near.latitude, near.longitude, wanted, (id) => rest(docs.get(id) as Doc), near.maxDistance, near.minDistance)
    const page = hits.slice(start).map(({ id }) => docs.get(id) as Doc)
    return options.projection ? (find(page, {}, options.projection).all() as Doc[]) : page
  }

  /** One document per line, so a damaged line never takes more than that one document. */
  private *snapshot(): Iterable<Change> {
    for (const [name, docs] of this.collections) {
      // An empty line keeps a collection made by createCollection across compaction.
      if (docs.size === 0 && !this.manifest.collections[name]) yield { c: name, put: [] }
      for (const doc of docs.values()) yield { c: name, put: [doc] }
    }
  }

  /** A collection's documents; an undeclared collection does not exist, as on CloudBase. */
  private docs(collection: string): Map<string, Doc> {
    const docs = this.collections.get(collection)
    if (!docs) throw new StoreError('COLLECTION_NOT_EXIST', `collection ${collection} does not exist`)
    return docs
  }

  private create(collection: string): Map<string, Doc> {
    let docs = this.collections.get(collection)
    if (docs) return docs
    docs = new Map()
    this.collections.set(collection, docs)
    const indexes = this.indexesOf(collection)
    this.geoIndexes.set(collection, new Map(geoFieldsOf(indexes).map((field) => [field, new GeoIndex()])))
    this.uniqueIndexes.set(collection, indexes.filter((spec) => spec.unique).map((spec) => ({ spec, owners: new Map() })))
    return docs
  }

  private match(collection: string, criteria: Criteria): Doc[] {
    const docs = this.docs(collection)
    const id = idOf(criteria)
    if (id !== undefined) {
      const doc = docs.get(id)
      return doc && new Query(criteria).test(doc) ? [doc] : []
    }
    if (Object.keys(criteria).length === 0) return [...docs.values()]
    const test = this.predicate(criteria)
    const out: Doc[] = []
    for (const doc of docs.values()) if (test(doc)) out.push(doc)
    return out
  }

  /** A test for criteria: plain comparisons where they suffice, the query engine otherwise. */
  private predicate(criteria: Criteria): (doc: Doc) => boolean {
    if (Object.keys(criteria).length === 0) return () => true
    const simple = simplePredicate(criteria)
    if (simple) return simple
    try {
      const query = new Query(criteria)
      return (doc) => query.test(doc)
    } catch (error) {
      throw new StoreError('INVALID_QUERY', error instanceof Error ? error.message : String(error))
    }
  }

  /** Works on a copy, so a rejected update leaves the stored document untouched. */
  private applyOperators(doc: Doc, expr: Record<string, unknown>): Doc {
    const copy = structuredClone(doc)
    try {
      checkUpdate(doc, expr)
      for (const [operator, fields] of Object.entries(expr)) {
        if (operator === '$inc' || operator === '$mul') assertArithmetic(copy, operator, fields as Record<string, unknown>)
        applyUpdate(copy, { [operator]: fields } as UpdateExpression)
      }
    } catch (error) {
      throw new StoreError('INVALID_UPDATE', error instanceof Error ? error.message : String(error))
    }
    copy._id = doc._id
    return copy
  }

  /** Journal first, then memory: a write is visible only once it is durable. */
  private commit(change: Change): void {
    this.journal?.append(change)
    this.apply(change)
    if (this.journal && this.journal.lines > Math.max(10_000, this.size() * 2)) this.compact()
  }

  private apply(change: Change): void {
    const docs = this.create(change.c)
    const geo = this.geoIndexes.get(change.c) as Map<string, GeoIndex>
    const unique = this.uniqueIndexes.get(change.c) ?? []
    const forget = (id: string) => {
      const old = docs.get(id)
      if (!old) return
      for (const index of geo.values()) index.remove(id)
      for (const { spec, owners } of unique) owners.delete(uniqueKey(spec, old))
    }
    for (const doc of change.put ?? []) {
      forget(doc._id)
      docs.set(doc._id, doc)
      for (const [field, index] of geo) {
        const value = doc[field]
        if (isGeoPoint(value)) index.put(doc._id, value)
      }
      for (const { spec, owners } of unique) owners.set(uniqueKey(spec, doc), doc._id)
    }
    for (const id of change.del ?? []) {
      forget(id)
      docs.delete(id)
    }
  }

  private size(): number {
    let n = 0
    for (const docs of this.collections.values()) n += docs.size
    return n
  }
}

/**
 * Whether an update left a document as it was (CloudBase then does not count it as updated).
 * Compares values, not prototypes: copies may come from another realm (structuredClone in jest).
 */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime()
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b)) return false
  const keysA = Object.keys(a)
  const keysB = Object.keys(b)
  return keysA.length === keysB.length && keysA.every((key) => Object.prototype.hasOwnProperty.call(b, key) && sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
}

const uniqueKey = (spec: IndexSpec, doc: Doc): string =>
  JSON.stringify(Object.keys(spec.keys).map((field) => field.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), doc) ?? null))

/** As MongoDB: `$inc`/`$mul` take numbers and apply only to numeric (or missing) fields. */
function assertArithmetic(doc: Doc, operator: string, fields: Record<string, unknown>): void {
  for (const [field, amount] of Object.entries(fields)) {
    const current = field.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), doc)
    if (typeof amount !== 'number' || !Number.isFinite(amount) || (current !== undefined && typeof current !== 'number')) {
      throw new Error(`${operator} needs numbers (field ${field})`)
    }
  }
}

type NearQuery = { field: string; latitude: number; longitude: number; maxDistance?: number; minDistance?: number; rest: Criteria }

/** Takes a top-level `{ field: { $nearSphere: { $geometry, $maxDistance, $minDistance } } }` out of the criteria. */
function nearSphereOf(criteria: Criteria): NearQuery | null {
  for (const [field, condition] of Object.entries(criteria)) {
    const near = condition && typeof condition === 'object' ? ((condition as Record<string, unknown>).$nearSphere ?? (condition as Record<string, unknown>).$near) : undefined
    if (!near || typeof near !== 'object') continue
    const { $geometry, $maxDistance, $minDistance } = near as { $geometry?: GeoPoint; $maxDistance?: number; $minDistance?: number }
    if (!isGeoPoint($geometry)) throw new StoreError('INVALID_QUERY', `$nearSphere on ${field} needs a $geometry point`)
    const rest = Object.fromEntries(Object.entries(criteria).filter(([key]) => key !== field))
    return { field, longitude: $geometry.coordinates[0], latitude: $geometry.coordinates[1], maxDistance: $maxDistance, minDistance: $minDistance, rest }
  }
  return null
}

function isOperatorObject(value: unknown): boolean {
  return !!value && typeof value === 'object' && Object.keys(value).some((key) => key.startsWith('$'))
}
