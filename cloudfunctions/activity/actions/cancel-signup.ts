import { activityInputs } from '@/domain/activity/contract'
import { AppError } from '@/domain/errors'
import { _ } from '../../_kit/cloud'
import { action } from '../../_kit/define-function'
import { activities, findSignup, requireActivity, signups, viewFor } from '../activities'

/**
 * A volunteer gives their place back before the start. The sign-up is marked cancelled first,
 * then the seat is released by a conditional update on it being held, so a retry (or a second tap)
 * frees exactly one place.
 */
export const cancelSignup = action({
  input: activityInputs.cancelSignup,
  audience: 'anyone',
  async handler({ activityId }, ctx) {
    const doc = await requireActivity(activityId)
    const signup = await findSignup(activityId, ctx.openid)
    if (!signup) throw new AppError('NOT_FOUND', '您没有报名这个活动')
    if (signup.status === 'checked_in' || signup.status === 'checked_out') throw new AppError('CONFLICT', '已经签到，不能取消报名')
    if (signup.status === 'signed_up') {
      if (new Date() >= doc.startAt) throw new AppError('CONFLICT', '活动已经开始，不能取消报名')
      await signups().where({ _id: signup._id, status: 'signed_up' }).update({ data: { status: 'cancelled', cancelledAt: new Date() } })
    }
    const seat = `seats.${ctx.openid}`
    await activities()
      .where({ _id: activityId, [seat]: _.exists(true) })
      .update({ data: { placesLeft: _.inc(1), [seat]: _.remove() } })
    return viewFor(activityId, ctx.openid, await ctx.user())
  },
})
