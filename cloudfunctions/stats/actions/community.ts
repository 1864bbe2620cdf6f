import { statsInputs } from '@/domain/stats/contract'
import { requireCommunity } from '../../_kit/communities'
import { action } from '../../_kit/define-function'
import { readStats, toCommunityStats } from '../store'

/** 家园数据 of one community and year: one read of the figures the hourly job keeps, whatever the data's size. */
export const community = action({
  input: statsInputs.community,
  audience: 'anyone',
  async handler({ communityId, year }) {
    const [found, doc] = await Promise.all([requireCommunity(communityId), readStats(communityId, year)])
    return toCommunityStats(doc, found, year)
  },
})
