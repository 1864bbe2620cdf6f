import { wishInputs } from '@/domain/wish/contract'
import { action } from '../../_kit/define-function'
import { detailFor, requireWish } from '../load'
import { transition } from '../transition'

/** The owner withdraws a wish that is not yet fulfilled; a claimer is told. */
export const cancel = action({
  input: wishInputs.cancel,
  audience: 'anyone',
  async handler({ wishId, reason }, ctx) {
    const user = await ctx.user()
    const wish = await requireWish(wishId)
    return detailFor(await transition(wish, 'cancel', { user }, { note: reason, tell: ['claimer'] }), user)
  },
})
