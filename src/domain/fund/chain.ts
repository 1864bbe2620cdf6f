import { sha256Hex } from './sha256'
import type { Channel, FundCategory } from './rules'

export type EntryKind = 'income' | 'expense'

/**
 * Everything the public sees of a ledger entry, and exactly what its hash covers. A beneficiary
 * appears only as a masked name (`partyShown`); the full name, the applicant's phone and who keyed
 * it in stay in the private part of the document.
 */
export type PublicEntry = {
  communityId: string
  /** 1, 2, 3 … per community, without gaps. */
  seq: number
  kind: EntryKind
  amountFen: number
  /** The day the money moved, `YYYY-MM-DD`. */
  date: string
  category: FundCategory
  /** Donor name or 匿名 (income); masked beneficiary (expense). */
  partyShown: string
  channel: Channel
  reference: string
  note: string
  projectId: string | null
  /** The seq this entry cancels (a correction), or null. */
  reverses: number | null
  /** The China date it was entered, `YYYY-MM-DD`: month statements close on it. */
  recordedOn: string
  prevHash: string
  hash: string
}

export type EntryContent = Omit<PublicEntry, 'hash'>

/** The hash before the first entry. */
export const GENESIS_HASH = '0'.repeat(64)

/** Changing the canonical form breaks every stored chain: the version is part of what is hashed. */
const CANONICAL_VERSION = 'fund-v1'

/**
 * The canonical form of an entry: its public fields in a fixed order as a JSON array (no key
 * order, whitespace or number formatting left to chance), the previous hash last, so each hash
 * covers the whole history before it.
 */
export function canonicalForm(entry: EntryContent): string {
  return JSON.stringify([
    CANONICAL_VERSION,
    entry.communityId,
    entry.seq,
    entry.kind,
    entry.amountFen,
    entry.date,
    entry.category,
    entry.partyShown,
    entry.channel,
    entry.reference,
    entry.note,
    entry.projectId,
    entry.reverses,
    entry.recordedOn,
    entry.prevHash,
  ])
}

export const entryHash = (entry: EntryContent): string => sha256Hex(canonicalForm(entry))

/**
 * What an entry does to the balance: income adds, expense takes. A reversal keeps the kind and
 * category of the entry it cancels and undoes it, so totals by kind and category stay true.
 */
export const effectOf = (entry: Pick<PublicEntry, 'kind' | 'amountFen' | 'reverses'>): number =>
  (entry.kind === 'income' ? entry.amountFen : -entry.amountFen) * (entry.reverses === null ? 1 : -1)

export type ChainBreak = {
  seq: number
  reason: 'gap' | 'link' | 'content' | 'statement'
  /** Plain Chinese for the page. */
  message: string
}

export type ChainCheck = { ok: boolean; checked: number; headHash: string; balanceFen: number; brokenAt?: ChainBreak }

/** A month's frozen head: the hash the chain must still have at that seq. */
export type StatementHead = { month: string; seq: number; hash: string }

/** What the ledger claims at its end (the head document's seq and hash), to catch entries cut off the end. */
export type ClaimedHead = { seq: number; hash: string }

/**
 * Checks a chain from its first entry: numbering without gaps, each entry linked to the one
 * before, each hash recomputed from its content, each month statement still matching the entry it
 * froze, and the end where the ledger's head says it is. Stops at the first break. Entries come
 * in seq order.
 */
export function checkChain(entries: ReadonlyArray<PublicEntry>, statements: ReadonlyArray<StatementHead> = [], head?: ClaimedHead): ChainCheck {
  let prev = GENESIS_HASH
  let balanceFen = 0
  const frozen = new Map(statements.map((s) => [s.seq, s]))
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]
    const fail = (reason: ChainBreak['reason'], message: string, seq = entry.seq): ChainCheck => ({ ok: false, checked: i, headHash: prev, balanceFen, brokenAt: { seq, reason, message } })
    if (entry.seq !== i + 1) return fail('gap', `第 ${i + 1} 条缺失`, i + 1)
    if (entry.prevHash !== prev) return fail('link', `第 ${entry.seq} 条与上一条接不上`)
    if (entryHash(entry) !== entry.hash) return fail('content', `第 ${entry.seq} 条的内容被改动过`)
    const statement = frozen.get(entry.seq)
    if (statement && statement.hash !== entry.hash) return fail('statement', `第 ${entry.seq} 条与 ${statement.month} 月度结算不符`)
    prev = entry.hash
    balanceFen += effectOf(entry)
  }
  const n = entries.length
  const cut = (seq: number, message: string): ChainCheck => ({ ok: false, checked: n, headHash: prev, balanceFen, brokenAt: { seq, reason: 'gap', message } })
  const beyond = statements.find((s) => s.seq > n)
  if (beyond) return cut(n + 1, `${beyond.month} 月度结算记到第 ${beyond.seq} 条，账本只有 ${n} 条`)
  if (head && (head.seq !== n || head.hash !== prev)) return cut(Math.min(head.seq, n + 1), `账本应有 ${head.seq} 条，只核对到 ${n} 条`)
  return { ok: true, checked: n, headHash: prev, balanceFen }
}

/** The entry that follows `head`: numbered next, linked to it, hashed. */
export function nextEntry(head: ClaimedHead, content: Omit<EntryContent, 'seq' | 'prevHash'>): PublicEntry {
  const entry: EntryContent = { ...content, seq: head.seq + 1, prevHash: head.hash }
  return { ...entry, hash: entryHash(entry) }
}
