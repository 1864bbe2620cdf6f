import { wishInputs } from '@/domain/wish/contract'
import { _ } from '../../_kit/cloud'
import { action } from '../../_kit/define-function'
import { toDetail, wishes, type WishDoc } from '../wishes'
import { readPage } from '../../_kit/pages'

/** 心愿审核: flagged wishes of the caller's communities (or one of them), oldest first, in full (contacts included). */
export const reviewQueue = action({
  input: wishInputs.reviewQueue,
  audience: ['staff'],
  audit: 'read',
  async handler({ communityId, page, pageSize }, ctx) {
    const user = await ctx.user()
    const scope = await ctx.staffScope(communityId)
    const criteria = { status: 'pending_review', communityId: _.in(scope) }
    const { docs, hasMore } = await readPage<WishDoc>(wishes().where(criteria).orderBy('createdAt', 'asc'), page, pageSize)
    return { items: await Promise.all(docs.map((w) => toDetail(w, user))), hasMore, page, pageSize }
  },
})
