import { completionPercent, EMPTY_FIGURES, TARGET_KEYS, type Figures, type Targets } from '@/domain/stats/figures'
import type { CommunityStats, Completion } from '@/domain/stats/contract'
import type { Community } from '@/domain/community/types'
import { collections, db, isDuplicateKey } from '../_kit/cloud'
import { toIso } from '../_kit/dates'

/** An upcoming activity as the home page lists it (kept on the figures' document by the hourly job). */
export type UpcomingActivity = { _id: string; title: string; startAt: Date; address: string }

/**
 * One community's 家园数据 for one year: the figures the hourly job derives from the data (stats job)
 * and the targets the district sets, on one document so a view reads it once.
 */
export type StatsDoc = Pick<CommunityStats, 'communityId' | 'communityName' | 'district' | 'year' | 'figures' | 'hoursByMonth' | 'targets'> & {
  _id: string
  nextActivities: UpcomingActivity[]
  computedAt: Date | null
  /** Someone viewed figures an hour old or more: the next hourly run derives them again (absent on older documents). */
  wanted?: boolean
}

export const statsDocs = () => db.collection(collections.stats)
export const statsId = (communityId: string, year: number) => `${communityId}:${year}`

export const toEmptyStats = (community: Pick<Community, '_id' | 'name' | 'district'>, year: number): StatsDoc => ({
  _id: statsId(community._id, year),
  communityId: community._id,
  communityName: community.name,
  district: community.district,
  year,
  figures: { ...EMPTY_FIGURES },
  hoursByMonth: Array.from({ length: 12 }, () => 0),
  targets: {},
  nextActivities: [],
  computedAt: null,
  wanted: false,
})

export async function readStats(communityId: string, year: number): Promise<StatsDoc | null> {
  const { data } = await statsDocs().where({ _id: statsId(communityId, year) }).get<StatsDoc>()
  return data[0] ?? null
}

/**
 * Figures are derived daily for every community, and within the hour for those someone looks at
 * (#25: an idle station's timer costs next to nothing). Older than this when viewed, they are
 * wanted at the next hourly run.
 */
export const FRESH_FOR_MS = 60 * 60_000

/** Whether a view of `doc` should ask for a recompute: no figures yet, or an hour old, and not asked already. */
export const needsRecompute = (doc: StatsDoc | null, now: Date): boolean =>
  !doc || (doc.wanted !== true && (!doc.computedAt || now.getTime() - new Date(doc.computedAt).getTime() >= FRESH_FOR_MS))

/**
 * Asks the hourly run to derive the community's figures again: one write, only from a view that
 * found them stale (`needsRecompute`), so at most about once an hour a community. With no
 * document yet it is created asking; one created meanwhile (by the job or another view) will do.
 */
export async function askRecompute(doc: StatsDoc | null, community: Pick<Community, '_id' | 'name' | 'district'>, year: number): Promise<void> {
  if (doc) {
    await statsDocs().where({ _id: doc._id }).update({ data: { wanted: true } })
    return
  }
  try {
    await statsDocs().add({ data: { ...toEmptyStats(community, year), wanted: true } })
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
  }
}

/**
 * Applies `change` to the community's document of the year, creating the document first when there
 * is none (its id is deterministic: two concurrent first writers make one document).
 */
export async function updateStats(community: Pick<Community, '_id' | 'name' | 'district'>, year: number, change: Record<string, unknown>): Promise<void> {
  const _id = statsId(community._id, year)
  const { stats } = await statsDocs().where({ _id }).update({ data: change })
  if (stats.updated === 1) return
  try {
    await statsDocs().add({ data: toEmptyStats(community, year) })
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
  }
  await statsDocs().where({ _id }).update({ data: change })
}

export function completionOf(figures: Figures, targets: Targets): Completion {
  return Object.fromEntries(TARGET_KEYS.filter((key) => targets[key] !== undefined).map((key) => [key, completionPercent(figures[key], targets[key])]))
}

export function toCommunityStats(doc: StatsDoc | null, community: Pick<Community, '_id' | 'name' | 'district'>, year: number): CommunityStats {
  const shown = doc ?? toEmptyStats(community, year)
  return {
    communityId: community._id,
    communityName: community.name,
    district: community.district,
    year,
    figures: { ...EMPTY_FIGURES, ...shown.figures },
    hoursByMonth: shown.hoursByMonth,
    targets: shown.targets,
    completion: completionOf({ ...EMPTY_FIGURES, ...shown.figures }, shown.targets),
    computedAt: shown.computedAt ? toIso(shown.computedAt) : null,
  }
}
