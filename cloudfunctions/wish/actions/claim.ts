import dayjs from 'dayjs'
import { wishInputs } from '@/domain/wish/contract'
import { DEFAULT_CLAIM_DAYS } from '@/domain/wish/rules'
import { settingOf } from '../../_kit/communities'
import { action } from '../../_kit/define-function'
import { requireVolunteerIn } from '../../_kit/volunteer-access'
import { requireWish } from '../load'
import { freeClaimSlot, takeClaimSlot } from '../claim-slots'
import { cycleOf, toDetail } from '../wishes'
import { transition } from '../transition'

/** One tap: exactly one volunteer wins an open wish; the others get CONFLICT 这个心愿已被认领. At most 3 at once per volunteer. */
export const claim = action({
  input: wishInputs.claim,
  audience: ['volunteer'],
  async handler({ wishId }, ctx) {
    const [user, wish] = await Promise.all([ctx.user(), requireWish(wishId)])
    // Only where they are active: an outsider to a reviewing community waits for its approval.
    // The community's claim period (社区设置) is read beside the check.
    const [claimDays] = await Promise.all([settingOf(wish.communityId, 'wishClaimDays', DEFAULT_CLAIM_DAYS), wish.status === 'open' ? requireVolunteerIn(user._id, wish.communityId) : null])
    // A slot first (at most 3 claims at once), given back if the claim is lost.
    if (wish.status === 'open') await takeClaimSlot(user._id, wish._id)
    try {
      const claimed = await transition(wish, 'claim', { caller: user, name: user.displayName }, {
        set: { claimerOpenid: user._id, claimerName: user.displayName, claimedAt: new Date(), claimDeadline: dayjs().add(claimDays, 'day').toDate() },
        tell: ['owner'],
        ...cycleOf(wish._id, user._id, 'claim'),
      })
      return toDetail(claimed, user)
    } catch (error) {
      await freeClaimSlot(user._id, wish._id)
      throw error
    }
  },
})
