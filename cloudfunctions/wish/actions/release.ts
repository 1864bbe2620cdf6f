import { todayInChina } from '@/domain/dates'
import { DAILY_RELEASE_LIMIT } from '@/domain/wish/rules'
import { wishInputs } from '@/domain/wish/contract'
import { _ } from '../../_kit/cloud'
import { action } from '../../_kit/define-function'
import { ownedId } from '../../_kit/ids'
import { takeSlot } from '../../_kit/rate-limit'
import { claimStandingOf, freeClaimSlot, slotHolding } from '../claim-slots'
import { requireWish } from '../load'
import { transition } from '../transition'
import { cycleOf, toDetail, UNCLAIMED } from '../wishes'

/**
 * The claimer gives the wish back: it is open again and its owner is told. The owner's contact
 * was shown to them, so the release is counted on the wish for staff; a few releases a day at
 * most (PIPL 2021 第六条: contact only to who is about to help), and a day's repeated cycles keep
 * one history entry and one message to the owner.
 */
export const release = action({
  input: wishInputs.release,
  audience: 'anyone',
  // The wish and the caller's slots (which one it holds), beside the caller's record.
  preload: ({ wishId }, openid) => Promise.all([requireWish(wishId), claimStandingOf(openid)]),
  async handler({ reason }, ctx, [wish, standing]) {
    const user = await ctx.user()
    if (wish.status === 'claimed' && wish.claimerOpenid === user._id) {
      await takeSlot(`${ownedId('wr', user._id)}-${todayInChina()}`, DAILY_RELEASE_LIMIT, `每天最多放弃${DAILY_RELEASE_LIMIT}次认领，请明天再试，或联系社区工作人员`)
    }
    const released = await transition(wish, 'release', { caller: user, name: user.displayName }, {
      set: UNCLAIMED,
      note: reason || undefined,
      tell: ['owner'],
      ...cycleOf(wish._id, user._id, 'release'),
      raw: {
        [`contactReleases.${user._id}.name`]: user.displayName,
        [`contactReleases.${user._id}.count`]: _.inc(1),
        [`contactReleases.${user._id}.lastAt`]: new Date(),
      },
      alongside: () => freeClaimSlot(user._id, wish._id, slotHolding(standing?.claimSlots, wish._id)),
    })
    return toDetail(released, user)
  },
})
