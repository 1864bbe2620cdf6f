import { wishInputs } from '@/domain/wish/contract'
import { action } from '../../_kit/define-function'
import { detailFor, requireWish } from '../load'
import { transition } from '../transition'

/** Staff remove an open wish from the wall, with a reason its owner is told. */
export const takeDown = action({
  input: wishInputs.takeDown,
  audience: ['staff'],
  async handler({ wishId, reason }, ctx) {
    const wish = await requireWish(wishId)
    const user = await ctx.requireStaffOf(wish.communityId)
    return detailFor(await transition(wish, 'takeDown', { user }, { note: reason, tell: ['owner'] }), user)
  },
})
