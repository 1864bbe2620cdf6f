import { wishInputs } from '@/domain/wish/contract'
import { action } from '../../_kit/define-function'
import { freeClaimSlot } from '../claim-slots'
import { requireWish } from '../load'
import { toDetail } from '../wishes'
import { transition } from '../transition'

/** The owner withdraws a wish that is not yet fulfilled; a claimer is told. */
export const cancel = action({
  input: wishInputs.cancel,
  audience: 'anyone',
  preload: ({ wishId }) => requireWish(wishId),
  async handler({ reason }, ctx, wish) {
    const user = await ctx.user()
    const cancelled = await transition(wish, 'cancel', { caller: user, name: user.displayName }, { note: reason, tell: ['claimer'], alongside: () => freeClaimSlot(wish.claimerOpenid, wish._id) })
    return toDetail(cancelled, user)
  },
})
