import { AppError } from '@/domain/errors'
import { memberInputs } from '@/domain/member/contract'
import { action } from '../../_kit/define-function'
import { communityFacts, findApplication, revealToStaff, toView, UNKNOWN_COMMUNITY } from '../applications'
import { requireDistrictOf } from '../../_kit/district'

/**
 * One application in full, for staff of the applicant's community (审核详情), or for the district
 * Red Cross that receives the member's 备案. Either way the full ID number is shown only after the
 * view is recorded, and the applicant sees who opened it.
 */
export const get = action({
  input: memberInputs.get,
  audience: ['staff', 'district'],
  // The application, beside the caller's record.
  preload: ({ applicationId }) => findApplication({ _id: applicationId }),
  async handler(_input, ctx, doc) {
    if (!doc) throw new AppError('NOT_FOUND', '没有找到这份入会申请')
    const user = await ctx.user()
    const staffOfCommunity = user.roles.includes('staff') && user.staffCommunityIds.includes(doc.communityId)
    if (!staffOfCommunity) {
      await requireDistrictOf(user, doc.communityId)
      // The district receives members' 备案, not applications still being decided.
      if (doc.status !== 'approved' && doc.status !== 'left') throw new AppError('FORBIDDEN', '区红十字会只能查看已入会的会员')
    }
    const byName = staffOfCommunity ? `工作人员 ${user.displayName}` : `区红十字会 ${user.displayName}`
    // The community's facts are read beside the opening of the ID number.
    const [facts, revealed] = await Promise.all([communityFacts([doc.communityId]), revealToStaff(doc, user, byName)])
    return toView(revealed, facts.get(doc.communityId) ?? UNKNOWN_COMMUNITY, { idNumber: true, phone: true })
  },
  audit: (_input, out) => ({ communityId: out.communityId, target: out._id, summary: '查看完整身份证号', key: `${out._id}:${out.idViews.at(-1)?.at ?? ''}` }),
})
