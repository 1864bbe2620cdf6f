import { AppError } from '@/domain/errors'
import { memberInputs } from '@/domain/member/contract'
import { communityNames } from '../../_kit/communities'
import { action } from '../../_kit/define-function'
import { findApplication, revealToStaff, toView } from '../applications'

/** One application in full, for staff of the applicant's community only (审核详情). */
export const get = action({
  input: memberInputs.get,
  audience: ['staff'],
  async handler({ applicationId }, ctx) {
    const doc = await findApplication({ _id: applicationId })
    if (!doc) throw new AppError('NOT_FOUND', '没有找到这份入会申请')
    const staff = await ctx.requireStaffOf(doc.communityId)
    const name = (await communityNames([doc.communityId])).get(doc.communityId) ?? ''
    return toView(await revealToStaff(doc, staff), name, { idNumber: true, phone: true })
  },
})
