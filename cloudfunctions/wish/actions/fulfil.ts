import { wishInputs } from '@/domain/wish/contract'
import { action } from '../../_kit/define-function'
import { detailFor, requireWish } from '../load'
import { transition } from '../transition'

/** The claimer says it is done, with a note and up to 3 photos; the owner is asked to confirm. */
export const fulfil = action({
  input: wishInputs.fulfil,
  audience: 'anyone',
  async handler({ wishId, note, photos }, ctx) {
    const user = await ctx.user()
    const wish = await requireWish(wishId)
    const done = await transition(wish, 'fulfil', { user }, { set: { fulfilment: { note, photos, at: new Date() } }, note, tell: ['owner'] })
    return detailFor(done, user)
  },
})
