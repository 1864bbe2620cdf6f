import { volunteerInputs } from '@/domain/volunteer/contract'
import { _ } from '../../_kit/cloud'
import { communityNames } from '../../_kit/communities'
import { action } from '../../_kit/define-function'
import { toProfile, volunteers, type VolunteerDoc } from '../volunteers'
import { readPage } from '../../_kit/pages'

/** Volunteers of the caller's communities (phones masked), e.g. the 待审核 queue. */
export const list = action({
  input: volunteerInputs.list,
  audience: ['staff'],
  audit: 'read',
  async handler({ status, communityId, page, pageSize }, ctx) {
    const scope = await ctx.staffScope(communityId)
    const own = { communityId: _.in(scope), ...(status ? { status } : {}) }
    // 待审核 also holds volunteers of other communities who asked to serve in these.
    const criteria = status === 'pending' ? _.or([own, { pendingIn: _.in(scope) }]) : own
    const [{ docs, hasMore }, names] = await Promise.all([
      readPage<VolunteerDoc>(volunteers().where(criteria).orderBy('registeredAt', status === 'pending' ? 'asc' : 'desc'), page, pageSize),
      communityNames(scope),
    ])
    return { items: docs.map((doc) => toProfile(doc, names.get(doc.communityId) ?? '', false)), hasMore, page, pageSize }
  },
})
