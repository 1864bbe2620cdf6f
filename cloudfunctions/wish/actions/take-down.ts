import { wishInputs } from '@/domain/wish/contract'
import { action } from '../../_kit/define-function'
import { requireWish } from '../load'
import { toDetail } from '../wishes'
import { transition } from '../transition'

/** Staff remove an open wish from the wall, with a reason its owner is told. */
export const takeDown = action({
  input: wishInputs.takeDown,
  audience: ['staff'],
  async handler({ wishId, reason }, ctx) {
    const wish = await requireWish(wishId)
    const user = await ctx.requireStaffOf(wish.communityId)
    return toDetail(await transition(wish, 'takeDown', { caller: user, name: user.displayName }, { note: reason, tell: ['owner'] }), user)
  },
})
