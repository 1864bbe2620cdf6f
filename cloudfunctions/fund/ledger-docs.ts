import { effectOf, GENESIS_HASH, type PublicEntry } from '@/domain/fund/chain'
import type { FundEntry } from '@/domain/fund/contract'
import { entrySearchText } from '@/domain/fund/rules'
import { collections, db } from '../_kit/cloud'

/**
 * One `fundEntries` document: the public entry (what its hash covers) and the private part —
 * the beneficiary's full name, who keyed it in, the retry key — that no public answer carries.
 * Written once under `<communityId>-<seq>`, never updated or removed.
 */
export type EntryDoc = PublicEntry & {
  _id: string
  /** `YYYY-MM` of `date`, for the page's month filter. */
  month: string
  /** The public words it is found by (`entrySearchText`). */
  searchText: string
  party: string
  aidId: string | null
  requestId: string
  recordedBy: string
  recordedByName: string
}

/**
 * One `fundHeads` document per community: where the chain ends, the running totals (each brought
 * in step by the same conditional update that appends), and a copy of the last entry, so that
 * whoever comes next stores it if its writer stopped before doing so: numbering has no gaps.
 */
export type HeadDoc = {
  _id: string
  communityId: string
  seq: number
  hash: string
  balanceFen: number
  incomeFen: number
  expenseFen: number
  aided: number
  /** `YYYY-MM` of the last entry's recording: a later month freezes this head as its statement. */
  month: string
  byMonth: Record<string, { income: number; expense: number }>
  byCategory: Record<string, Record<string, number>>
  /** Per project: what was raised for it and spent from it. */
  byProject: Record<string, { income: number; expense: number }>
  last: EntryDoc | null
}

/** One `fundStatements` document (月度结算): a month's closing head, frozen once. */
export type StatementDoc = { _id: string; communityId: string; month: string; seq: number; hash: string; balanceFen: number }

export const fundEntries = () => db.collection(collections.fundEntries)
export const fundHeads = () => db.collection(collections.fundHeads)
export const fundStatements = () => db.collection(collections.fundStatements)

export const entryIdOf = (communityId: string, seq: number) => `${communityId}-${String(seq).padStart(7, '0')}`

/** The document stored for a chained entry: its id, month and search words follow from the public part. */
export const entryDocOf = (entry: PublicEntry, own: Pick<EntryDoc, 'party' | 'aidId' | 'requestId' | 'recordedBy' | 'recordedByName'>): EntryDoc => ({
  ...entry,
  _id: entryIdOf(entry.communityId, entry.seq),
  month: entry.date.slice(0, 7),
  searchText: entrySearchText(entry),
  ...own,
})

/** The community an entry id belongs to (the inverse of `entryIdOf`). */
export const communityOfEntryId = (entryId: string) => entryId.slice(0, entryId.lastIndexOf('-'))

/** The number an entry id gives its entry (the inverse of `entryIdOf`); NaN for an id that is no entry's. */
export const seqOfEntryId = (entryId: string) => Number(entryId.slice(entryId.lastIndexOf('-') + 1))

export const emptyHead = (communityId: string): HeadDoc => ({
  _id: communityId,
  communityId,
  seq: 0,
  hash: GENESIS_HASH,
  balanceFen: 0,
  incomeFen: 0,
  expenseFen: 0,
  aided: 0,
  month: '',
  byMonth: {},
  byCategory: {},
  byProject: {},
  last: null,
})

/** The head after `entry`, as plain data (the seed builds demo ledgers with it). */
export function headAfter(head: HeadDoc, entry: EntryDoc): HeadDoc {
  const effect = effectOf(entry)
  const year = entry.date.slice(0, 4)
  const month = head.byMonth[entry.month] ?? { income: 0, expense: 0 }
  const signed = entry.kind === 'income' ? effect : -effect
  const project = (entry.projectId && head.byProject[entry.projectId]) || { income: 0, expense: 0 }
  return {
    ...head,
    seq: entry.seq,
    hash: entry.hash,
    balanceFen: head.balanceFen + effect,
    incomeFen: head.incomeFen + (entry.kind === 'income' ? signed : 0),
    expenseFen: head.expenseFen + (entry.kind === 'expense' ? signed : 0),
    aided: head.aided + (entry.kind === 'expense' ? (entry.reverses === null ? 1 : -1) : 0),
    month: entry.recordedOn.slice(0, 7),
    byMonth: { ...head.byMonth, [entry.month]: { ...month, [entry.kind]: month[entry.kind] + signed } },
    byCategory: { ...head.byCategory, [year]: { ...head.byCategory[year], [entry.category]: (head.byCategory[year]?.[entry.category] ?? 0) + signed } },
    byProject: entry.projectId ? { ...head.byProject, [entry.projectId]: { ...project, [entry.kind]: project[entry.kind] + signed } } : head.byProject,
    last: entry,
  }
}

/** Just the public part: never the full name, who recorded it, or the retry key. */
export function toPublic(doc: EntryDoc): PublicEntry {
  return {
    communityId: doc.communityId,
    seq: doc.seq,
    kind: doc.kind,
    amountFen: doc.amountFen,
    date: doc.date,
    category: doc.category,
    partyShown: doc.partyShown,
    channel: doc.channel,
    reference: doc.reference,
    note: doc.note,
    projectId: doc.projectId,
    reverses: doc.reverses,
    recordedOn: doc.recordedOn,
    prevHash: doc.prevHash,
    hash: doc.hash,
  }
}

export const toFundEntry = (doc: EntryDoc, reversedBy: number | null = null): FundEntry => ({ _id: doc._id, ...toPublic(doc), reversedBy })
