import type { DocumentStore } from '../store/document-store'
import { APP_READS, type UsageMeter } from '../usage'

/** CloudBase's answer when a collection's 数据权限 does not let the app read it. */
export const PERMISSION_DENIED = { errCode: -502003, errMsg: 'database permission denied' }

export type ClientRead = { status: 200; body: { data: Record<string, unknown> | null } } | { status: 400 | 403; body: object }

/**
 * The app's direct read of one document, as `db.collection(c).doc(id).get()` from the mini-program:
 * allowed only on the collections the manifest opens to it (「所有用户可读」), refused as CloudBase
 * refuses it elsewhere, and billed as one database read with no invocation.
 */
export function clientRead(store: DocumentStore, usage: UsageMeter, request: Record<string, unknown> | null): ClientRead {
  const collection = request?.collection
  const id = request?.id
  if (typeof collection !== 'string' || typeof id !== 'string' || !id) return { status: 400, body: { error: 'collection and id (strings) required' } }
  if (!store.isClientReadable(collection)) return { status: 403, body: PERMISSION_DENIED }
  usage.database('database.getDocument', APP_READS)
  return { status: 200, body: { data: store.find(collection, { _id: id })[0] ?? null } }
}
