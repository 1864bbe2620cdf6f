import { activityInputs } from '@/domain/activity/contract'
import { AppError } from '@/domain/errors'
import { action } from '../../_kit/define-function'
import { findSignup, releaseSeat, requireActivity, signups, viewFor } from '../activities'

/**
 * A volunteer gives their place back before the start. The sign-up is marked cancelled first,
 * then its seat is released by a conditional update on that very seat, so a retry (or a second
 * tap) frees exactly one place, and a sign-up again in between keeps its new seat.
 */
export const cancelSignup = action({
  input: activityInputs.cancelSignup,
  audience: 'anyone',
  // The activity and the caller's sign-up, beside the caller's record.
  preload: ({ activityId }, openid) => Promise.all([requireActivity(activityId), findSignup(activityId, openid)]),
  async handler({ activityId }, ctx, [doc, signup]) {
    if (!signup) throw new AppError('NOT_FOUND', '您没有报名这个活动')
    if (signup.status === 'checked_in' || signup.status === 'checked_out') throw new AppError('CONFLICT', '已经签到，不能取消报名')
    if (signup.status === 'signed_up') {
      if (new Date() >= doc.startAt) throw new AppError('CONFLICT', '活动已经开始，不能取消报名')
      await signups().where({ _id: signup._id, status: 'signed_up' }).update({ data: { status: 'cancelled', cancelledAt: new Date() } })
    }
    await releaseSeat(activityId, ctx.openid, signup.seatToken)
    return viewFor(activityId, ctx.openid, await ctx.user())
  },
})
