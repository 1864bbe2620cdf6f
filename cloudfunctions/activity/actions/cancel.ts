import { activityInputs } from '@/domain/activity/contract'
import { AppError } from '@/domain/errors'
import { _ } from '../../_kit/cloud'
import { requirePassingText } from '../../_kit/content-check'
import { action } from '../../_kit/define-function'
import { ownedId } from '../../_kit/ids'
import { notifyEach } from '../../_kit/notify'
import { activities, findSignup, isStaffOf, requireActivity, signups, toView, type SignupDoc } from '../activities'

/**
 * Staff cancel an activity with a reason; everyone signed up is told, each once, as one fan-out
 * (inbox now, WeChat messages through the outbox) that fits the function's timeout at full
 * capacity. Each message's id is derived from the activity and the person, so a retried cancel
 * (after a timeout halfway through the list) tells only those not yet told.
 */
export const cancel = action({
  input: activityInputs.cancel,
  audience: ['staff'],
  // The activity and the caller's own sign-up (for the answer), beside the caller's record.
  preload: ({ activityId }, openid) => Promise.all([requireActivity(activityId), findSignup(activityId, openid)]),
  async handler({ activityId, reason }, ctx, [doc, mySignup]) {
    const staff = await ctx.requireStaffOf(doc.communityId)
    let current = doc
    if (doc.status !== 'cancelled') {
      if (new Date() > doc.endAt) throw new AppError('CONFLICT', '活动已经结束，不能取消')
      await requirePassingText(ctx.openid, reason)
      const cancelled = { status: 'cancelled' as const, cancelReason: reason, cancelledAt: new Date() }
      const { stats } = await activities().where({ _id: activityId, status: 'open' }).update({ data: cancelled })
      // Cancelled here: the activity is as written. Otherwise by someone else meanwhile: read afresh.
      current = stats.updated === 1 ? { ...doc, ...cancelled } : await requireActivity(activityId)
    }
    // Read once cancelled, so nobody who signed up before is missed (a sign-up needs it open).
    const { data } = await signups()
      .where({ activityId, status: _.in(['signed_up', 'checked_in']) })
      .limit(1000)
      .get<SignupDoc>()
    const payload = { activityId, title: current.title, reason: current.cancelReason ?? reason, startAt: current.startAt }
    const view = toView(current, { signup: mySignup, manageable: isStaffOf(staff, current.communityId) })
    // The audit entry goes beside the fan-out.
    await Promise.all([
      notifyEach(
        'activity_cancelled',
        data.map(({ openid }) => ({ _id: ownedId('ac', `${activityId}|${openid}`), openid, payload })),
      ),
      ctx.auditAlongside(view),
    ])
    return view
  },
  audit: (_input, out) => ({ communityId: out.communityId, target: out._id, summary: `取消活动：${out.title}`, key: out._id }),
})
