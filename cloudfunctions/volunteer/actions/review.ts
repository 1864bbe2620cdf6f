import { AppError } from '@/domain/errors'
import { volunteerInputs } from '@/domain/volunteer/contract'
import { communityNames } from '../../_kit/communities'
import { action } from '../../_kit/define-function'
import { notify } from '../../_kit/notify'
import { grantRole } from '../../_kit/users'
import { findVolunteer, toProfile, volunteers } from '../volunteers'

/**
 * Staff decide on a pending volunteer of their community, once. Approving an active volunteer
 * again finishes an approval cut off before the role was granted, and tells nobody twice.
 */
export const review = action({
  input: volunteerInputs.review,
  audience: ['staff'],
  async handler({ volunteerId, decision, reason }, ctx) {
    const doc = await findVolunteer({ _id: volunteerId })
    if (!doc) throw new AppError('NOT_FOUND', '没有找到这位志愿者')
    await ctx.requireStaffOf(doc.communityId)
    if (doc.openid === ctx.openid) throw new AppError('FORBIDDEN', '不能审核自己的注册，请由其他工作人员审核')
    const approved = decision === 'approve'
    const finishing = approved && doc.status === 'active'
    if (!finishing) {
      const { stats } = await volunteers()
        .where({ _id: volunteerId, status: 'pending' })
        .update({ data: approved ? { status: 'active' } : { status: 'rejected', rejectReason: reason } })
      if (stats.updated !== 1) throw new AppError('CONFLICT', '这位志愿者已经审核过了')
    }
    if (approved) await grantRole(doc.openid, 'volunteer', doc.communityId)
    if (!finishing) await notify(doc.openid, 'volunteer_review', { approved, reason: approved ? undefined : reason, reviewedAt: new Date() })
    const saved = await findVolunteer({ _id: volunteerId })
    const names = await communityNames([doc.communityId])
    return toProfile(saved ?? doc, names.get(doc.communityId) ?? '', true)
  },
})
