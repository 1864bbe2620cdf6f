import { memberInputs } from '@/domain/member/contract'
import { _ } from '../../_kit/cloud'
import { action } from '../../_kit/define-function'
import { applications, communityFacts, toView, UNKNOWN_COMMUNITY, type ApplicationDoc } from '../applications'
import { readPage } from '../../_kit/pages'

/** 入会审核 queue of the caller's communities: ID numbers and phones masked. */
export const list = action({
  input: memberInputs.list,
  audience: ['staff'],
  audit: 'read',
  async handler({ status, communityId, page, pageSize }, ctx) {
    const scope = await ctx.staffScope(communityId)
    const criteria = { communityId: _.in(scope), ...(status ? { status } : {}) }
    // The pending queue is worked oldest first; decided applications newest first.
    const order = status === 'pending' ? 'asc' : 'desc'
    const [{ docs, hasMore }, names] = await Promise.all([readPage<ApplicationDoc>(applications().where(criteria).orderBy('submittedAt', order), page, pageSize), communityFacts(scope)])
    const items = docs.map((doc) => toView(doc, names.get(doc.communityId) ?? UNKNOWN_COMMUNITY, { idNumber: false, phone: false }))
    return { items, hasMore, page, pageSize }
  },
})
