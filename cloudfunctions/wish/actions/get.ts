import { AppError } from '@/domain/errors'
import { wishInputs } from '@/domain/wish/contract'
import { action } from '../../_kit/define-function'
import { requireWish } from '../load'
import { PUBLIC_STATUSES, relationOf, toDetail } from '../wishes'

/** One wish as the caller may see it: contact and full text only for owner, claimer and staff. */
export const get = action({
  input: wishInputs.get,
  audience: 'anyone',
  async handler({ wishId }, ctx) {
    const wish = await requireWish(wishId)
    const user = await ctx.user()
    const { relation } = relationOf(wish, user)
    if (!PUBLIC_STATUSES.includes(wish.status) && relation !== 'owner' && relation !== 'staff' && relation !== 'claimer') {
      throw new AppError('NOT_FOUND', '没有找到这个心愿，可能已被删除')
    }
    return toDetail(wish, user)
  },
})
