import { statsInputs } from '@/domain/stats/contract'
import { requireCommunity } from '../../_kit/communities'
import { action } from '../../_kit/define-function'
import { askRecompute, needsRecompute, readStats, toCommunityStats } from '../store'

/**
 * 家园数据 of one community and year: one read of the figures the stats jobs keep, whatever the
 * data's size (and one write when they are an hour old, so the next hourly run derives them again).
 */
export const community = action({
  input: statsInputs.community,
  audience: 'anyone',
  async handler({ communityId, year }) {
    const [found, doc] = await Promise.all([requireCommunity(communityId), readStats(communityId, year)])
    if (needsRecompute(doc, new Date())) await askRecompute(doc, found, year)
    return toCommunityStats(doc, found, year)
  },
})
