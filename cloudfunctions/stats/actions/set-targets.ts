import { AppError } from '@/domain/errors'
import { statsInputs } from '@/domain/stats/contract'
import { _ } from '../../_kit/cloud'
import { requireCommunity } from '../../_kit/communities'
import { changeKey } from '../../_kit/audit'
import { action } from '../../_kit/define-function'
import { readStats, toCommunityStats, updateStats } from '../store'

/**
 * The district sets a community's yearly targets (the whole set for that year: a target left out
 * is no longer set). Only for the communities of the caller's own district(s).
 */
export const setTargets = action({
  input: statsInputs.setTargets,
  audience: ['district'],
  // The community, beside the caller's record.
  preload: ({ communityId }) => requireCommunity(communityId),
  async handler({ communityId, year, targets }, ctx, community) {
    const user = await ctx.user()
    if (!(user.districts ?? []).includes(community.district)) throw new AppError('FORBIDDEN', '只能为本区县的博爱家园设定目标')
    const set = Object.fromEntries(Object.entries(targets).filter(([, value]) => value !== undefined))
    await updateStats(community, year, { targets: _.set(set) })
    return toCommunityStats(await readStats(communityId, year), community, year)
  },
  audit: (input) => ({ communityId: input.communityId, target: `stats:${input.communityId}:${input.year}`, summary: `设定${input.year}年目标（${Object.keys(input.targets).length} 项）`, key: changeKey(`${input.communityId}:${input.year}`, input.targets) }),
})
