import { todayInChina } from '@/domain/dates'
import { AppError } from '@/domain/errors'
import { nextEntry, type EntryContent } from '@/domain/fund/chain'
import { _, db, isDuplicateKey } from '../_kit/cloud'
import { emptyHead, entryDocOf, fundEntries, fundHeads, headAfter, type EntryDoc, type HeadDoc } from './ledger-docs'
import { freezeMonthIfDue } from './statements'

/** What a new entry says, decided against the head it will follow (balance, earlier entries). */
export type Draft = Omit<EntryContent, 'communityId' | 'seq' | 'prevHash' | 'recordedOn'> &
  Pick<EntryDoc, 'party' | 'aidId' | 'recordedBy' | 'recordedByName'>

const MAX_ATTEMPTS = 60

/** The head as it stands, for reading: a community with no ledger yet has the empty one (nothing is written). */
export async function currentHead(communityId: string): Promise<HeadDoc> {
  const { data } = await fundHeads().where({ _id: communityId }).get<HeadDoc>()
  return data[0] ?? emptyHead(communityId)
}

/** The head as stored, or null before the community's first entry (a read only: for a preload). */
export async function headOf(communityId: string): Promise<HeadDoc | null> {
  const { data } = await fundHeads().where({ _id: communityId }).get<HeadDoc>()
  return data[0] ?? null
}

/** The head to append to, created on the first entry. */
export async function readHead(communityId: string): Promise<HeadDoc> {
  const { data } = await fundHeads().where({ _id: communityId }).get<HeadDoc>()
  if (data[0]) return data[0]
  try {
    await fundHeads().add({ data: emptyHead(communityId) })
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
  }
  return (await fundHeads().where({ _id: communityId }).get<HeadDoc>()).data[0]
}

/** Stores the head's last entry if its writer stopped before it did (a duplicate means it is there). */
async function storeLast(head: HeadDoc): Promise<void> {
  if (!head.last) return
  try {
    await fundEntries().add({ data: { ...head.last, recordedAt: db.serverDate() } })
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
  }
}

export async function findByRequest(communityId: string, requestId: string): Promise<EntryDoc | undefined> {
  const { data } = await fundEntries().where({ communityId, requestId }).limit(1).get<EntryDoc>()
  return data[0]
}

/** Entries of the community a draft must know of (e.g. an earlier reversal of what it reverses), by an indexed criterion. */
export type Related = Record<string, unknown>

/** The entry this request already made, and the `related` ones, in one read (two indexed branches). */
async function lookUp(communityId: string, requestId: string, related: Related): Promise<{ existing?: EntryDoc; related: EntryDoc[] }> {
  const { data } = await fundEntries()
    .where(_.or([{ communityId, requestId }, { communityId, ...related }]))
    .limit(RELATED_READ)
    .get<EntryDoc>()
  return { existing: data.find((entry) => entry.requestId === requestId), related: data.filter((entry) => entry.requestId !== requestId) }
}

/** Related entries a draft is decided against at most (one is enough to refuse it). */
const RELATED_READ = 10

/** The head's last entry may not be stored yet (it is stored beside the look-up): it counts if it is related. */
function withLast(found: EntryDoc[], head: HeadDoc, related: Related | undefined): EntryDoc[] {
  const last = head.last
  if (!related || !last || found.some((entry) => entry._id === last._id)) return found
  const matches = Object.entries(related).every(([field, value]) => (last as Record<string, unknown>)[field] === value)
  return matches ? [last, ...found] : found
}

/**
 * Appends one entry to a community's chain, exactly once per `requestId`, with no transactions:
 *
 * 1. read the head (seq, hash, totals, the last entry) and store its last entry if missing;
 * 2. an entry with this requestId already stored is the answer (a retry);
 * 3. a month that ended since the head moved is frozen as its statement (月度结算);
 * 4. `decide` drafts the entry against this head (the balance, earlier reversals) or refuses;
 * 5. one conditional update moves the head from this seq to the next, with the new hash, totals
 *    and the entry itself; a concurrent writer who moved it first makes this one start again;
 * 6. the entry is stored under `<communityId>-<seq>`.
 *
 * Steps 2 and 4 read only after step 1, and step 5 succeeds only if nobody appended in between,
 * so a requestId is never used twice, the balance never goes below 0, and seq has no gaps even
 * when a writer stops between 5 and 6 (the next one stores its entry in step 1). Steps 1–4 depend
 * only on the head, so they go side by side (a refusal counts only when no entry answers the
 * request); `known` is the head as the caller read it beside its own reads (`headOf`), used for
 * the first attempt: if it is stale, step 5 fails and the next attempt reads it again. `related`
 * names entries `decide` must see (read with step 2, so also after the head). `alongside` runs
 * beside step 6 (the action's audit entry), on the answer.
 */
export async function append(
  communityId: string,
  requestId: string,
  decide: (head: HeadDoc, related: EntryDoc[]) => Promise<Draft> | Draft,
  { known, related, alongside }: { known?: HeadDoc | null; related?: Related; alongside?: (entry: EntryDoc) => Promise<unknown> } = {},
): Promise<{ entry: EntryDoc; created: boolean }> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const head = (attempt === 0 ? known : null) ?? (await readHead(communityId))
    const today = todayInChina()
    const find = async () =>
      head.last?.requestId === requestId ? { existing: head.last, related: [] } : related ? lookUp(communityId, requestId, related) : { existing: await findByRequest(communityId, requestId), related: [] }
    const [found, decided] = await Promise.all([
      find(),
      // Without related entries the draft needs only the head: decided beside the look-up.
      related ? null : Promise.resolve(head).then((known) => decide(known, [])).then((draft) => ({ draft }), (error: unknown) => ({ error })),
      storeLast(head),
      freezeMonthIfDue(head, today),
    ])
    const { existing } = found
    if (existing) {
      await alongside?.(existing)
      return { entry: existing, created: false }
    }
    if (decided && 'error' in decided) throw decided.error
    const draft = decided ? decided.draft : await decide(head, withLast(found.related, head, related))
    const { party, aidId, recordedBy, recordedByName, ...content } = draft
    const publicEntry = nextEntry({ seq: head.seq, hash: head.hash }, { ...content, communityId, recordedOn: today })
    const entry = entryDocOf(publicEntry, { party, aidId, requestId, recordedBy, recordedByName })
    const next = headAfter(head, entry)
    const { stats } = await fundHeads()
      .where({ _id: communityId, seq: head.seq })
      .update({
        data: {
          seq: next.seq,
          hash: next.hash,
          balanceFen: next.balanceFen,
          incomeFen: next.incomeFen,
          expenseFen: next.expenseFen,
          aided: next.aided,
          month: next.month,
          byMonth: _.set(next.byMonth),
          byCategory: _.set(next.byCategory),
          byProject: _.set(next.byProject),
          last: _.set(entry),
        },
      })
    if (stats.updated === 1) {
      await Promise.all([storeLast(next), alongside?.(entry)])
      return { entry, created: true }
    }
    // Someone appended first: a short, random pause so twenty writers do not keep colliding.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * Math.min(attempt + 1, 5)))
  }
  throw new AppError('CONFLICT', '同时记账的人较多，请稍后再试')
}
