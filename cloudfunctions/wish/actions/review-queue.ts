import { wishInputs } from '@/domain/wish/contract'
import { _ } from '../../_kit/cloud'
import { action } from '../../_kit/define-function'
import { toDetail, wishes, type WishDoc } from '../wishes'

/** 心愿审核: flagged wishes of the caller's communities (or one of them), oldest first, in full (contacts included). */
export const reviewQueue = action({
  input: wishInputs.reviewQueue,
  audience: ['staff'],
  audit: 'read',
  async handler({ communityId, page, pageSize }, ctx) {
    const user = await ctx.user()
    const scope = await ctx.staffScope(communityId)
    const criteria = { status: 'pending_review', communityId: _.in(scope) }
    const [{ data }, { total }] = await Promise.all([
      wishes().where(criteria).orderBy('createdAt', 'asc').skip((page - 1) * pageSize).limit(pageSize).get<WishDoc>(),
      wishes().where(criteria).count(),
    ])
    return { items: await Promise.all(data.map((w) => toDetail(w, user))), total, page, pageSize }
  },
})
