import { volunteerInputs } from '@/domain/volunteer/contract'
import { _ } from '../../_kit/cloud'
import { communityNames } from '../../_kit/communities'
import { action } from '../../_kit/define-function'
import { toProfile, volunteers, type VolunteerDoc } from '../volunteers'

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
    const [{ data }, { total }, names] = await Promise.all([
      volunteers().where(criteria).orderBy('registeredAt', status === 'pending' ? 'asc' : 'desc').skip((page - 1) * pageSize).limit(pageSize).get<VolunteerDoc>(),
      volunteers().where(criteria).count(),
      communityNames(scope),
    ])
    return { items: data.map((doc) => toProfile(doc, names.get(doc.communityId) ?? '', false)), total, page, pageSize }
  },
})
