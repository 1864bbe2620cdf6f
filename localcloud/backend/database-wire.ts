import { BSONRegExp, EJSON } from 'bson'
import 'mingo/init/system'
import { Aggregator } from 'mingo'
import type { DocumentStore } from '../store/document-store'
import { PARALLEL_ARRAYS_CODE } from '../store/parallel-arrays'
import { StoreError, type Doc } from '../store/types'

/**
 * Answers the database requests `@cloudbase/database` sends (see
 * ../shared/notes/wx-server-sdk-local-backend.md): same action names, same EJSON-encoded
 * parameters, same response shapes as CloudBase's HTTP API.
 */
export type WireResponse = { requestId: string; data?: unknown; code?: string; message?: string }
type Params = Record<string, unknown>

let requestSeq = 0
const requestId = () => `local-${Date.now().toString(36)}-${(requestSeq++).toString(36)}`

/**
 * Where `db.serverDate()` may stand: only as the value of a top-level field of an added document,
 * of plain update / set data, or of an update's `$set` (a key without a dot). CloudBase's page
 * (https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/database/Database.serverDate.html)
 * shows it only as such a field value (its examples: `createTime` of `add`, `due` of `update`);
 * whether it is resolved inside arrays (`_.push({ at })`, a history array on `add`), inside nested
 * objects (which the SDK flattens to `$set { 'a.at': … }`) or under other operators is not
 * documented, so here it is refused: never kinder than CloudBase. The page also names query
 * conditions; the issue that set this rule (#19) refuses those too, and no function uses one.
 */
type ServerDatePlace = 'document' | 'update' | 'nowhere'

/** Query, update data, order and projection arrive as canonical EJSON strings. */
function decode<T = Record<string, unknown>>(value: unknown, place: ServerDatePlace = 'nowhere'): T {
  if (value === undefined || value === null || value === '') return {} as T
  const parsed: unknown = typeof value === 'string' ? EJSON.parse(value, { relaxed: true }) : value
  return resolveServerDates(parsed, serverDateAllowed(parsed, place), Date.now(), []) as T
}

const encode = (doc: Doc) => EJSON.stringify(doc, { relaxed: false })

/** The paths (as key lists) where a server date is accepted in this value. */
function serverDateAllowed(value: unknown, place: ServerDatePlace): (path: string[]) => boolean {
  if (place === 'nowhere' || !value || typeof value !== 'object') return () => false
  if (place === 'document' || !hasOperators(value as Record<string, unknown>)) return (path) => path.length === 1 && !path[0].includes('.')
  return (path) => path.length === 2 && path[0] === '$set' && !path[1].includes('.')
}

/**
 * `db.serverDate({ offset })` arrives as `{ $tcb_server_date: { offset } }`; the server fills in now
 * where it is accepted (above) and refuses it anywhere else.
 * `db.RegExp({ regexp, options })` (or a JS RegExp) arrives as EJSON's `$regularExpression`: it is
 * matched as MongoDB's `$regex` (and, for index purposes, is a range, not an equality).
 */
function resolveServerDates(value: unknown, allowed: (path: string[]) => boolean, now: number, path: string[]): unknown {
  if (Array.isArray(value)) return value.map((item, i) => resolveServerDates(item, allowed, now, [...path, String(i)]))
  if (value instanceof BSONRegExp) return { $regex: value.pattern, $options: value.options }
  if (!value || typeof value !== 'object' || value instanceof Date) return value
  const marker = (value as { $tcb_server_date?: { offset?: number } }).$tcb_server_date
  if (marker) {
    if (!allowed(path)) {
      throw new StoreError(
        'INVALID_VALUE',
        `db.serverDate() is accepted only as the value of a top-level field of an add or update, not at ${path.join('.') || 'the top'}; a function can write its own new Date() there`,
      )
    }
    return new Date(now + (marker.offset ?? 0))
  }
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolveServerDates(item, allowed, now, [...path, key])]))
}

const hasOperators = (data: Record<string, unknown>) => Object.keys(data).some((key) => key.startsWith('$'))

type Handler = (store: DocumentStore, params: Params) => unknown

const handlers: Record<string, Handler> = {
  'database.getDocument'(store, p) {
    const list = store.find(String(p.collectionName), decode(p.query), {
      sort: decode<Record<string, 1 | -1>>(p.order),
      skip: Number(p.offset ?? 0),
      limit: Math.min(Number(p.limit ?? 100), 1000),
      projection: p.projection ? decode<Record<string, 0 | 1>>(p.projection) : undefined,
    })
    return { list: list.map(encode), offset: Number(p.offset ?? 0), limit: Number(p.limit ?? 100) }
  },
  'database.calculateDocument'(store, p) {
    return { total: store.count(String(p.collectionName), decode(p.query)) }
  },
  'database.insertDocument'(store, p) {
    const docs = (p.data as string[]).map((item) => decode<Doc>(item, 'document'))
    return { insertedIds: store.insert(String(p.collectionName), docs) }
  },
  'database.modifyDocument'(store, p) {
    const collection = String(p.collectionName)
    const query = decode(p.query)
    const data = decode(p.data, 'update')
    if (p.merge === false && !hasOperators(data)) {
      // doc(id).set(data): replace the whole document, creating it when absent.
      const id = String(query._id)
      const result = store.replace(collection, id, data)
      return { updated: result.changed, upsert_id: result.upsertedId }
    }
    const result = store.update(collection, query, hasOperators(data) ? data : { $set: data }, {
      multi: p.multi !== false,
      upsert: p.upsert === true,
    })
    return { updated: result.changed, upsert_id: result.upsertedId }
  },
  'database.modifyAndReturnDoc'(store, p) {
    const collection = String(p.collectionName)
    const query = decode(p.query)
    const [target] = store.find(collection, query, { limit: 1 })
    if (!target) return { updated: 0, doc: null }
    const { changed } = store.update(collection, { _id: target._id }, decode(p.data, 'update'), { multi: false })
    const [after] = store.find(collection, { _id: target._id })
    return { updated: changed, doc: encode(after) }
  },
  'database.removeDocument'(store, p) {
    return { deleted: store.remove(String(p.collectionName), decode(p.query), { multi: p.multi !== false }) }
  },
  'database.aggregateDocuments'(store, p) {
    const stages = (p.stages as Array<{ stageKey: string; stageValue: string }>).map(({ stageKey, stageValue }) => ({
      [stageKey]: decode(stageValue),
    }))
    // A leading $match is answered by the store, so it needs an index like any query.
    const [first] = stages
    const match = first && '$match' in first ? (first.$match as Record<string, unknown>) : null
    const input = store.find(String(p.collectionName), match ?? {})
    const aggregator = new Aggregator(match ? stages.slice(1) : stages, { collectionResolver: (name: string) => store.find(name, {}) })
    return { list: (aggregator.run(input) as Doc[]).map(encode) }
  },
  'database.addCollection'(store, p) {
    store.createCollection(String(p.collectionName))
    return {}
  },
}

/**
 * CloudBase's error codes for what the store refuses. The not-exist text is what CloudBase
 * answers (seen in wx-server-sdk errors: "errCode: -502005 database collection not exists |
 * errMsg: [ResourceNotFound] Db or Table not exist…").
 */
const WIRE_ERRORS: Record<StoreError['code'], { code: string; message?: string }> = {
  DUPLICATE_KEY: { code: 'DATABASE_DUPLICATE_WRITE' },
  // MongoDB's refusal passed on with its text and code (what CloudBase's code for it is, is not documented).
  PARALLEL_ARRAYS: { code: 'DATABASE_REQUEST_FAILED' },
  INVALID_VALUE: { code: 'DATABASE_REQUEST_FAILED' },
  COLLECTION_NOT_EXIST: {
    code: 'DATABASE_COLLECTION_NOT_EXIST',
    message: '[ResourceNotFound] Db or Table not exist. Please check your request, but if the problem cannot be solved, contact us.',
  },
  COLLECTION_EXISTS: { code: 'DATABASE_COLLECTION_ALREADY_EXIST' },
  INVALID_QUERY: { code: 'DATABASE_REQUEST_FAILED' },
  INVALID_UPDATE: { code: 'DATABASE_REQUEST_FAILED' },
  UNINDEXED_QUERY: { code: 'DATABASE_REQUEST_FAILED' },
}

/** Runs one request synchronously: nothing else can interleave with a conditional update. */
export function handleDatabaseRequest(store: DocumentStore, action: string, params: Params): WireResponse {
  const handler = handlers[action]
  if (!handler) {
    return { requestId: requestId(), code: 'UNSUPPORTED_ACTION', message: `local cloud does not support ${action}` }
  }
  try {
    return { requestId: requestId(), data: handler(store, params) }
  } catch (error) {
    if (error instanceof StoreError) {
      const { code, message } = WIRE_ERRORS[error.code]
      const text = error.mongoCode === PARALLEL_ARRAYS_CODE ? `${error.message} (MongoDB error ${PARALLEL_ARRAYS_CODE} CannotIndexParallelArrays)` : error.message
      return { requestId: requestId(), code, message: message ? `${message} (${text})` : text }
    }
    throw error
  }
}
