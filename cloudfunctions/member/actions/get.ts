import { AppError } from '@/domain/errors'
import { memberInputs } from '@/domain/member/contract'
import { action } from '../../_kit/define-function'
import { communityFacts, findApplication, revealToStaff, toView, UNKNOWN_COMMUNITY } from '../applications'

/** One application in full, for staff of the applicant's community only (审核详情). */
export const get = action({
  input: memberInputs.get,
  audience: ['staff'],
  async handler({ applicationId }, ctx) {
    const doc = await findApplication({ _id: applicationId })
    if (!doc) throw new AppError('NOT_FOUND', '没有找到这份入会申请')
    const staff = await ctx.requireStaffOf(doc.communityId)
    const community = (await communityFacts([doc.communityId])).get(doc.communityId) ?? UNKNOWN_COMMUNITY
    return toView(await revealToStaff(doc, staff), community, { idNumber: true, phone: true })
  },
})
