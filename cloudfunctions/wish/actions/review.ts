import { AppError } from '@/domain/errors'
import { wishInputs } from '@/domain/wish/contract'
import { action } from '../../_kit/define-function'
import { requireWish } from '../load'
import { toDetail } from '../wishes'
import { transition } from '../transition'
import { changeKey } from '../../_kit/audit'

/** 心愿审核: staff of the wish's community put a flagged wish on the wall or turn it down. */
export const review = action({
  input: wishInputs.review,
  audience: ['staff'],
  // The wish, beside the caller's record.
  preload: ({ wishId }) => requireWish(wishId),
  async handler({ decision, reason }, ctx, wish) {
    const user = await ctx.requireStaffOf(wish.communityId)
    if (wish.ownerOpenid === user._id) throw new AppError('FORBIDDEN', '不能审核自己发布的心愿，请由其他工作人员处理')
    const approved = decision === 'approve'
    return toDetail(await transition(wish, approved ? 'approve' : 'reject', { caller: user, name: user.displayName }, { note: approved ? undefined : reason, tell: ['owner'] }), user)
  },
  audit: (input, out) => ({ communityId: out.communityId, target: out._id, summary: `${input.decision === 'approve' ? '通过' : '不通过'}心愿审核：${out.title}`, key: changeKey(out._id, input.decision) }),
})
