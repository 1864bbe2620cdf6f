import { aedInputs } from '@/domain/aed/contract'
import { AppError } from '@/domain/errors'
import { communityNames } from '../../_kit/communities'
import { action } from '../../_kit/define-function'
import { reports, requireAed, toDetail } from '../aeds'

/** One AED in full. A suggestion not yet verified is visible to staff of its community only. */
export const get = action({
  input: aedInputs.get,
  audience: 'anyone',
  async handler({ aedId }, ctx) {
    const aed = await requireAed(aedId)
    if (!aed.verified) {
      const user = await ctx.user()
      if (!user.roles.includes('staff') || !user.staffCommunityIds.includes(aed.communityId)) throw new AppError('NOT_FOUND', '没有找到这台AED')
    }
    const [names, { total }] = await Promise.all([communityNames([aed.communityId]), reports().where({ aedId, status: 'open' }).count()])
    return toDetail(aed, names.get(aed.communityId) ?? '', total)
  },
})
