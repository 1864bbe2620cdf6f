import dayjs from 'dayjs'
import { wishInputs } from '@/domain/wish/contract'
import { DEFAULT_CLAIM_DAYS } from '@/domain/wish/rules'
import { requireCommunity } from '../../_kit/communities'
import { action } from '../../_kit/define-function'
import { requireStandingIn } from '../../_kit/volunteer-access'
import { requireWish } from '../load'
import { claimStandingOf, freeClaimSlot, takeClaimSlot } from '../claim-slots'
import { cycleOf, toDetail } from '../wishes'
import { transition } from '../transition'

/** One tap: exactly one volunteer wins an open wish; the others get CONFLICT 这个心愿已被认领. At most 3 at once per volunteer. */
export const claim = action({
  input: wishInputs.claim,
  audience: ['volunteer'],
  // The wish and the volunteer's standing with their claim slots, beside the caller's record.
  preload: ({ wishId }, openid) => Promise.all([requireWish(wishId), claimStandingOf(openid)]),
  async handler(_input, ctx, [wish, standing]) {
    const user = await ctx.user()
    let claimDays = DEFAULT_CLAIM_DAYS
    let slot: string | undefined
    if (wish.status === 'open') {
      // A slot (at most 3 claims at once) is taken beside the read of the community (its claim
      // period, 社区设置, and whether outsiders wait for approval), and given back if refused or lost.
      const [community, taken] = await Promise.allSettled([requireCommunity(wish.communityId), takeClaimSlot(user._id, wish._id, standing?.claimSlots)])
      slot = taken.status === 'fulfilled' ? taken.value : undefined
      try {
        if (community.status === 'rejected') throw community.reason
        // Only where they are active: an outsider to a reviewing community waits for its approval.
        requireStandingIn(standing, community.value)
        if (taken.status === 'rejected') throw taken.reason
        claimDays = community.value.wishClaimDays ?? DEFAULT_CLAIM_DAYS
      } catch (error) {
        if (slot) await freeClaimSlot(user._id, wish._id, slot)
        throw error
      }
    }
    try {
      const claimed = await transition(wish, 'claim', { caller: user, name: user.displayName }, {
        set: { claimerOpenid: user._id, claimerName: user.displayName, claimedAt: new Date(), claimDeadline: dayjs().add(claimDays, 'day').toDate() },
        tell: ['owner'],
        ...cycleOf(wish._id, user._id, 'claim'),
      })
      return toDetail(claimed, user)
    } catch (error) {
      await freeClaimSlot(user._id, wish._id, slot)
      throw error
    }
  },
})
