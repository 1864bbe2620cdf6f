import type { Community } from '@/domain/community/types'
import type { LedgerEntry, VolunteerTotals } from '@/domain/volunteer/contract'
import { periodKeys, pointsFor, serviceKeys, type HonourPeriod, type LedgerSource, type ServiceRecord } from '@/domain/volunteer/ledger'
import { AppError } from '@/domain/errors'
import type { HoursSource } from '@/domain/notify/kinds'
import { maskName } from '@/domain/privacy'
import { _, collections, db, isDuplicateKey } from './cloud'
import { communityNames, requireCommunity } from './communities'
import { toIso } from './dates'
import { ownedId } from './ids'
import { notify } from './notify'

/** One `hoursLedger` document, a record of service: written once under its deterministic `_id`, never edited. */
export type LedgerDoc = ServiceRecord & {
  _id: string
  openid: string
  source: LedgerSource
  sourceId: string
  title: string
  hours: number
  points: number
  reason: string
  communityId: string
  creditedBy: string
  creditedByName: string
  at: Date
}

export type Credit = Omit<LedgerDoc, 'points' | 'at'> & { at?: Date }

/** Totals live on the volunteer document, bucketed for "this year" and "this month". */
type TotalsDoc = { hours: number; points: number; periodHours?: Record<string, number> }

const bucket = (period: HonourPeriod, key: string) => `${period === 'year' ? 'y' : 'm'}${key}`

/**
 * What a credit reads before it writes: the community's points per hour and the volunteer (whose
 * name goes, masked, on the honour board). A caller starts it beside its own writes and passes it in.
 */
export type CreditBasis = { pointsPerHour: Community['pointsPerHour']; volunteerName: string | null }

export async function creditBasis(communityId: string, openid: string): Promise<CreditBasis> {
  const [community, { data }] = await Promise.all([
    requireCommunity(communityId),
    db.collection(collections.volunteers).where({ _id: ownedId('vo', openid) }).field({ name: true }).get<{ name: string }>(),
  ])
  return { pointsPerHour: community.pointsPerHour, volunteerName: data[0]?.name ?? null }
}

/**
 * `rowsThere`: the board rows most likely exist already (a roster of regulars, credited many side
 * by side, where depth is hidden and requests count): each is added to first and created only if
 * missing, instead of both at once.
 */
export type CreditOptions = { basis?: CreditBasis; beside?: (entry: LedgerDoc) => Promise<unknown>; rowsThere?: boolean }

/**
 * Records a credit and brings every total in step with it, each exactly once.
 *
 * There are no transactions, so each step is idempotent on its own: the entry is inserted under
 * its deterministic `_id` (a second insert is refused as a duplicate and the stored entry is used),
 * and each total is changed by a conditional update that also marks the entry as applied. A
 * retry after a crash anywhere in between completes what is missing and adds nothing twice.
 *
 * A negative entry (a correction taking hours away) is taken from the volunteer's totals first,
 * by an update conditional on the totals being large enough, and only then recorded: concurrent
 * corrections can never take a total below zero (民政部令第67号 2020: records 真实、准确).
 *
 * What the credit reads first comes as `basis` when the caller read it beside its own writes;
 * `beside` runs with the totals, once the entry is stored (the caller's message and audit entry:
 * one round trip instead of two more).
 */
export async function credit(input: Credit, { basis, beside, rowsThere = false }: CreditOptions = {}): Promise<LedgerDoc> {
  if (input._id.includes('.')) throw new Error('ledger ids are used as field names and may not contain dots')
  const known = basis ?? (await creditBasis(input.communityId, input.openid))
  const prepared: LedgerDoc = { ...input, points: pointsFor(input.hours, known.pointsPerHour), at: input.at ?? new Date() }
  if (prepared.hours < 0) await withdrawFromVolunteer(prepared)
  const entry = await insertOnce(prepared)
  // The volunteer's totals and the month's and year's board rows are separate documents, each
  // brought in step on its own: they are written side by side. A real name is never on a public
  // board: it is masked when the row is made.
  const displayName = maskName(known.volunteerName ?? '志愿者')
  const keys = serviceKeys(entry.serviceDate)
  await Promise.all([
    entry.hours >= 0 ? applyToVolunteer(entry) : undefined,
    ...(['month', 'year'] as const).map((period) => applyToHonourBoard(entry, period, keys[period], displayName, rowsThere)),
    beside?.(entry),
  ])
  return entry
}

async function insertOnce(entry: LedgerDoc): Promise<LedgerDoc> {
  try {
    await db.collection(collections.hoursLedger).add({ data: entry })
    return entry
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
    const { data } = await db.collection(collections.hoursLedger).where({ _id: entry._id }).get<LedgerDoc>()
    if (!data[0]) throw error
    return data[0]
  }
}

/** Year and month totals go by the service date: a 补签 approved next month counts in the month served. */
const totalsChange = (entry: LedgerDoc) => {
  const keys = serviceKeys(entry.serviceDate)
  return {
    hours: _.inc(entry.hours),
    points: _.inc(entry.points),
    [`periodHours.${bucket('year', keys.year)}`]: _.inc(entry.hours),
    [`periodHours.${bucket('month', keys.month)}`]: _.inc(entry.hours),
    [`ledgerApplied.${entry._id}`]: true,
  }
}

async function applyToVolunteer(entry: LedgerDoc): Promise<void> {
  await db
    .collection(collections.volunteers)
    .where({ _id: ownedId('vo', entry.openid), [`ledgerApplied.${entry._id}`]: _.exists(false) })
    .update({ data: totalsChange(entry) })
}

/**
 * Takes a negative entry's hours and points from the totals only while both are at least that
 * large. Refused (nothing written) when they are not, unless a retry finds it already taken.
 */
async function withdrawFromVolunteer(entry: LedgerDoc): Promise<void> {
  const volunteers = db.collection(collections.volunteers)
  const _id = ownedId('vo', entry.openid)
  const { stats } = await volunteers
    .where({ _id, hours: _.gte(-entry.hours), points: _.gte(-entry.points), [`ledgerApplied.${entry._id}`]: _.exists(false) })
    .update({ data: totalsChange(entry) })
  if (stats.updated === 1) return
  const { data } = await volunteers.where({ _id }).field({ hours: true, ledgerApplied: true }).get<TotalsDoc & { ledgerApplied?: Record<string, boolean> }>()
  if (data[0]?.ledgerApplied?.[entry._id]) return
  const left = data[0]?.hours ?? 0
  throw new AppError('INVALID_INPUT', `减少的时长不能超过现有的${left}小时`, { hours: `最多减少${left}小时` })
}

/**
 * One honour-board row per community, period and person, created by the period's first credit
 * with that credit in it. Creating and adding go side by side (one round trip): where the row is
 * there the creation is refused and the addition counts; where it is not the creation counts and
 * the addition finds nothing. Only when the row appeared between the two (another credit made it
 * first) is the addition made again. With `rowsThere`, the addition goes first and the creation
 * only where it found nothing (one request for a row that exists, a round trip more for one that
 * does not).
 */
async function applyToHonourBoard(entry: LedgerDoc, period: HonourPeriod, key: string, displayName: string, rowsThere: boolean): Promise<void> {
  const board = db.collection(collections.honourTotals)
  const _id = `${entry.communityId}:${key}:${entry.openid}`
  const applied = `applied.${entry._id}`
  const add = async () => (await board.where({ _id, [applied]: _.exists(false) }).update({ data: { hours: _.inc(entry.hours), [applied]: true } })).stats.updated === 1
  const create = async () => {
    try {
      await board.add({ data: { _id, communityId: entry.communityId, period, key, openid: entry.openid, displayName, hours: entry.hours, applied: { [entry._id]: true } } })
      return true
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
      return false
    }
  }
  if (rowsThere) {
    if (!(await add()) && !(await create())) await add()
    return
  }
  const [added, created] = await Promise.all([add(), create()])
  if (!created && !added) await add()
}

export function totalsOf(doc: TotalsDoc, now = new Date()): VolunteerTotals {
  const keys = periodKeys(now)
  return {
    hours: doc.hours,
    points: doc.points,
    yearHours: doc.periodHours?.[bucket('year', keys.year)] ?? 0,
    monthHours: doc.periodHours?.[bucket('month', keys.month)] ?? 0,
  }
}

export async function toEntries(docs: LedgerDoc[]): Promise<LedgerEntry[]> {
  const names = await communityNames(docs.map((d) => d.communityId))
  return docs.map((d) => ({
    _id: d._id,
    source: d.source,
    sourceId: d.sourceId,
    title: d.title,
    hours: d.hours,
    points: d.points,
    reason: d.reason,
    communityId: d.communityId,
    communityName: names.get(d.communityId) ?? '',
    creditedBy: d.creditedByName,
    serviceFrom: d.serviceFrom,
    serviceDate: d.serviceDate,
    place: d.place,
    content: d.content,
    at: toIso(d.at),
  }))
}

export const ledger = () => db.collection(collections.hoursLedger)

export async function recentEntries(openid: string, limit: number): Promise<LedgerEntry[]> {
  const { data } = await ledger().where({ openid }).orderBy('at', 'desc').limit(limit).get<LedgerDoc>()
  return toEntries(data)
}

/**
 * Tells the volunteer what staff recorded for them ("+1 小时"), once per ledger entry: the message
 * is stored under an id derived from the entry, so a retried credit brings no second one.
 */
export async function tellHours(entry: LedgerDoc, source: HoursSource, title: string): Promise<void> {
  await notify(entry.openid, 'hours_credited', { source, title, hours: entry.hours, serviceDate: entry.serviceDate, at: new Date() }, { groupId: ownedId('hc', entry._id) })
}
