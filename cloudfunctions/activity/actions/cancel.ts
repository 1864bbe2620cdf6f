import { activityInputs } from '@/domain/activity/contract'
import { AppError } from '@/domain/errors'
import { _ } from '../../_kit/cloud'
import { requirePassingText } from '../../_kit/content-check'
import { action } from '../../_kit/define-function'
import { ownedId } from '../../_kit/ids'
import { notifyEach } from '../../_kit/notify'
import { activities, requireActivity, signups, viewFor, type SignupDoc } from '../activities'

/**
 * Staff cancel an activity with a reason; everyone signed up is told, each once, as one fan-out
 * (inbox now, WeChat messages through the outbox) that fits the function's timeout at full
 * capacity. Each message's id is derived from the activity and the person, so a retried cancel
 * (after a timeout halfway through the list) tells only those not yet told.
 */
export const cancel = action({
  input: activityInputs.cancel,
  audience: ['staff'],
  // The activity, beside the caller's record.
  preload: ({ activityId }) => requireActivity(activityId),
  async handler({ activityId, reason }, ctx, doc) {
    await ctx.requireStaffOf(doc.communityId)
    if (doc.status !== 'cancelled') {
      if (new Date() > doc.endAt) throw new AppError('CONFLICT', '活动已经结束，不能取消')
      await requirePassingText(ctx.openid, reason)
      await activities().where({ _id: activityId, status: 'open' }).update({ data: { status: 'cancelled', cancelReason: reason, cancelledAt: new Date() } })
    }
    // Once cancelled: the activity as it now is and who was signed up, side by side.
    const [current, { data }] = await Promise.all([
      requireActivity(activityId),
      signups()
        .where({ activityId, status: _.in(['signed_up', 'checked_in']) })
        .limit(1000)
        .get<SignupDoc>(),
    ])
    const payload = { activityId, title: current.title, reason: current.cancelReason ?? reason, startAt: current.startAt }
    const user = await ctx.user()
    // The caller's view is read beside the fan-out.
    const [view] = await Promise.all([
      viewFor(activityId, ctx.openid, user),
      notifyEach(
        'activity_cancelled',
        data.map(({ openid }) => ({ _id: ownedId('ac', `${activityId}|${openid}`), openid, payload })),
      ),
    ])
    return view
  },
  audit: (_input, out) => ({ communityId: out.communityId, target: out._id, summary: `取消活动：${out.title}`, key: out._id }),
})
