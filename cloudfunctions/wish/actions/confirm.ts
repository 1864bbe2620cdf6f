import { wishInputs } from '@/domain/wish/contract'
import { DEFAULT_HOURS_PER_WISH, POINTS_PER_HOUR } from '@/domain/wish/rules'
import { _, collections, db } from '../../_kit/cloud'
import { requireCommunity } from '../../_kit/communities'
import { action } from '../../_kit/define-function'
import { detailFor, requireWish } from '../load'
import { transition } from '../transition'

/** The owner confirms, optionally with a 感谢信; the claimer is credited service hours and points. */
export const confirm = action({
  input: wishInputs.confirm,
  audience: 'anyone',
  async handler({ wishId, thanks }, ctx) {
    const user = await ctx.user()
    const wish = await requireWish(wishId)
    const completed = await transition(wish, 'confirm', { user }, { set: { thanks: thanks || null }, note: thanks || undefined, tell: ['claimer'] })
    const community = await requireCommunity(wish.communityId)
    const hours = community.hoursPerWish ?? DEFAULT_HOURS_PER_WISH
    await db
      .collection(collections.volunteers)
      .where({ openid: wish.claimerOpenid })
      .update({ data: { hours: _.inc(hours), points: _.inc(hours * POINTS_PER_HOUR) } })
    return detailFor(completed, user)
  },
})
