import crypto from 'node:crypto'
import type { ImportSummary } from '@/domain/import/contract'
import { UNDO_WINDOW_HOURS, type ImportKind } from '@/domain/import/kinds'
import { AppError } from '@/domain/errors'
import { collections, db } from '../_kit/cloud'
import { requireCommunity } from '../_kit/communities'
import { toIso } from '../_kit/dates'

/**
 * One import: what file, by whom, what its preview found and what its commit wrote (the counts as
 * `ImportSummary` shows them). The rows themselves are read again from the file.
 */
export type ImportDoc = Pick<ImportSummary, 'kind' | 'communityId' | 'fileName' | 'status' | 'total' | 'okCount' | 'existsCount' | 'badCount' | 'added' | 'removed' | 'byName'> & {
  _id: string
  fileID: string
  /** Staff who ran it (their openid: user ids are openids); `byName` is their name as shown then. */
  by: string
  createdAt: Date
  committedAt: Date | null
  undoneAt: Date | null
  undoneBy: string | null
  undoneByName: string | null
}

export const imports = () => db.collection(collections.imports)
export const importedPeople = () => db.collection(collections.importedPeople)

export const newImportId = () => `im${crypto.randomBytes(12).toString('hex')}`

/** A record's id from its community, kind and key: the same row always lands on the same document. */
export const rowDocId = (prefix: string, communityId: string, kind: ImportKind, key: string) =>
  `${prefix}${crypto.createHash('sha256').update(`${communityId}\n${kind}\n${key}`).digest('hex').slice(0, 24)}`

export async function findImport(importId: string): Promise<ImportDoc | null> {
  const { data } = await imports().where({ _id: importId }).limit(1).get<ImportDoc>()
  return data[0] ?? null
}

export async function requireImport(importId: string): Promise<ImportDoc> {
  const doc = await findImport(importId)
  if (!doc) throw new AppError('NOT_FOUND', '没有找到这次导入')
  return doc
}

/**
 * An import, read beside the caller's own record, and its community's name, read as soon as the
 * import names it and awaited only by the answer (it goes beside the action's first write): the
 * `preload` of the actions on one import.
 */
export async function loadImport({ importId }: { importId: string }): Promise<{ doc: ImportDoc | null; communityName: Promise<string> }> {
  const doc = await findImport(importId)
  const communityName = doc ? requireCommunity(doc.communityId).then((c) => c.name) : Promise.resolve('')
  // Awaited by the answer; an action refused before then leaves it unobserved, not unhandled.
  communityName.catch(() => undefined)
  return { doc, communityName }
}

export const undoDeadline = (doc: Pick<ImportDoc, 'committedAt'>): Date | null =>
  doc.committedAt ? new Date(new Date(doc.committedAt).getTime() + UNDO_WINDOW_HOURS * 3_600_000) : null

export function toSummary(doc: ImportDoc, communityName: string, now = new Date()): ImportSummary {
  const deadline = undoDeadline(doc)
  return {
    importId: doc._id,
    kind: doc.kind,
    communityId: doc.communityId,
    communityName,
    fileName: doc.fileName,
    status: doc.status,
    total: doc.total,
    okCount: doc.okCount,
    existsCount: doc.existsCount,
    badCount: doc.badCount,
    added: doc.added,
    removed: doc.removed,
    byName: doc.byName,
    createdAt: toIso(doc.createdAt),
    committedAt: doc.committedAt ? toIso(doc.committedAt) : null,
    undoUntil: doc.status === 'committed' && doc.kind !== 'fund' && deadline && deadline > now ? toIso(deadline) : null,
  }
}
