import { wishInputs } from '@/domain/wish/contract'
import { action } from '../../_kit/define-function'
import { requireWish } from '../load'
import { transition } from '../transition'
import { toDetail, UNCLAIMED } from '../wishes'

/** The claimer gives the wish back: it is open again and its owner is told. */
export const release = action({
  input: wishInputs.release,
  audience: 'anyone',
  async handler({ wishId, reason }, ctx) {
    const user = await ctx.user()
    const wish = await requireWish(wishId)
    return toDetail(await transition(wish, 'release', { caller: user, name: user.displayName }, { set: UNCLAIMED, note: reason || undefined, tell: ['owner'] }), user)
  },
})
