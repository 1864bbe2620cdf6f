import dayjs from 'dayjs'
import { todayInChina } from '@/domain/dates'
import { AppError } from '@/domain/errors'
import { memberInputs } from '@/domain/member/contract'
import { MEMBERSHIP_YEARS } from '@/domain/member/member-number'
import { _, db } from '../../_kit/cloud'
import { requireCommunity } from '../../_kit/communities'
import { action } from '../../_kit/define-function'
import { notify } from '../../_kit/notify'
import { grantRole } from '../../_kit/users'
import { applications, findApplication, toView } from '../applications'
import { allocateMemberNo } from '../member-numbers'

/**
 * 入会审核 by staff of the applicant's community. Only a pending application can be decided, and
 * only once: the decision is a conditional update on `status: 'pending'`.
 */
export const review = action({
  input: memberInputs.review,
  audience: ['staff'],
  async handler({ applicationId, decision, reason }, ctx) {
    const application = await findApplication({ _id: applicationId })
    if (!application) throw new AppError('NOT_FOUND', '没有找到这份入会申请')
    const reviewer = await ctx.requireStaffOf(application.communityId)
    if (application.status !== 'pending') throw new AppError('CONFLICT', '这份申请已经审核过了')
    const community = await requireCommunity(application.communityId)

    const approved = decision === 'approve'
    const today = todayInChina()
    const entry = { at: db.serverDate(), action: approved ? 'approved' : 'rejected', by: ctx.openid, byName: `工作人员 ${reviewer.displayName}`, ...(approved ? {} : { reason }) }
    const memberNo = approved ? await allocateMemberNo(community.code, Number(today.slice(0, 4))) : undefined
    const decided = approved
      ? {
          status: 'approved',
          memberNo,
          joinedAt: today,
          validUntil: dayjs(today).add(MEMBERSHIP_YEARS, 'year').subtract(1, 'day').format('YYYY-MM-DD'),
        }
      : { status: 'rejected', rejectReason: reason }
    const { stats } = await applications()
      .where({ _id: applicationId, status: 'pending' })
      .update({ data: { ...decided, reviewedBy: ctx.openid, reviewedAt: db.serverDate(), history: _.push(entry) } })
    if (stats.updated !== 1) throw new AppError('CONFLICT', '这份申请已经审核过了')

    if (approved) await grantRole(application.openid, 'member', application.communityId, { displayName: application.name, homeCommunityId: application.communityId })
    // The ID number never goes into a notification.
    await notify(application.openid, 'member_review', {
      approved,
      memberNo,
      reason: approved ? undefined : reason,
      reviewedAt: new Date(),
    })
    const saved = await findApplication({ _id: applicationId })
    if (!saved) throw new Error('application missing right after review')
    return toView(saved, community.name, { idNumber: true, phone: true })
  },
})
