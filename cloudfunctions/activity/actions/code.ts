import { activityInputs } from '@/domain/activity/contract'
import { AppError } from '@/domain/errors'
import { action } from '../../_kit/define-function'
import { requireActivity } from '../activities'
import { currentCode } from '../code'

/** The rotating 6-digit code the organiser shows on site; staff of the community only. */
export const code = action({
  input: activityInputs.code,
  audience: ['staff'],
  audit: 'read',
  async handler({ activityId }, ctx) {
    const doc = await requireActivity(activityId)
    await ctx.requireStaffOf(doc.communityId)
    if (doc.status === 'cancelled') throw new AppError('CONFLICT', '活动已取消')
    return currentCode(doc.codeSecret, doc._id)
  },
})
