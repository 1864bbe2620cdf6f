import type { Community } from '@/domain/community/types'
import type { DistrictStats } from '@/domain/stats/contract'
import { sumFigures, sumTargets } from '@/domain/stats/figures'
import { AppError } from '@/domain/errors'
import type { UserDoc } from '@/domain/user/types'
import { collections, db } from '../_kit/cloud'
import { completionOf, statsDocs, toCommunityStats, type StatsDoc } from './store'

/** The district asked for, or the caller's own (district role) when none was named. */
export async function districtOf(asked: string | undefined, user: () => Promise<UserDoc>): Promise<string> {
  const district = asked || (await user()).districts?.[0]
  if (!district) throw new AppError('INVALID_INPUT', '请选择区县', { district: '请选择区县' })
  return district
}

/** Every community of the district with its figures of the year: two reads (communities, figures). */
export async function districtStats(district: string, year: number): Promise<DistrictStats> {
  const [communities, docs] = await Promise.all([
    db.collection(collections.communities).where({ district }).limit(100).field({ name: true, district: true }).get<Pick<Community, '_id' | 'name' | 'district'>>(),
    statsDocs().where({ district, year }).limit(100).get<StatsDoc>(),
  ])
  if (communities.data.length === 0) throw new AppError('NOT_FOUND', '没有找到这个区县的博爱家园')
  const byId = new Map(docs.data.map((doc) => [doc.communityId, doc]))
  const rows = communities.data.map((c) => toCommunityStats(byId.get(c._id) ?? null, c, year)).sort((a, b) => a.communityName.localeCompare(b.communityName, 'zh'))
  const total = sumFigures(rows.map((r) => r.figures))
  const targets = sumTargets(rows.map((r) => r.targets))
  return {
    district,
    year,
    communities: rows,
    total,
    targets,
    completion: completionOf(total, targets),
    hoursByMonth: Array.from({ length: 12 }, (_unused, i) => Math.round(rows.reduce((sum, r) => sum + (r.hoursByMonth[i] ?? 0), 0) * 10) / 10),
  }
}
