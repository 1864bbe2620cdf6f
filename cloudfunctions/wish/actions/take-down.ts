import { AppError } from '@/domain/errors'
import { wishInputs } from '@/domain/wish/contract'
import { action } from '../../_kit/define-function'
import { requireWish } from '../load'
import { toDetail } from '../wishes'
import { transition } from '../transition'

/** Staff remove an open wish from the wall, with a reason its owner is told. */
export const takeDown = action({
  input: wishInputs.takeDown,
  audience: ['staff'],
  // The wish, beside the caller's record.
  preload: ({ wishId }) => requireWish(wishId),
  async handler({ reason }, ctx, wish) {
    const user = await ctx.requireStaffOf(wish.communityId)
    if (wish.ownerOpenid === user._id) throw new AppError('FORBIDDEN', '不能审核自己发布的心愿，请由其他工作人员处理')
    return toDetail(await transition(wish, 'takeDown', { caller: user, name: user.displayName }, { note: reason, tell: ['owner'] }), user)
  },
  audit: (_input, out) => ({ communityId: out.communityId, target: out._id, summary: `下架心愿：${out.title}`, key: out._id }),
})
