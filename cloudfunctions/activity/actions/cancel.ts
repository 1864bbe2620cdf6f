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
  async handler({ activityId, reason }, ctx) {
    const doc = await requireActivity(activityId)
    await ctx.requireStaffOf(doc.communityId)
    if (doc.status !== 'cancelled') {
      if (new Date() > doc.endAt) throw new AppError('CONFLICT', '活动已经结束，不能取消')
      await requirePassingText(ctx.openid, reason)
      await activities().where({ _id: activityId, status: 'open' }).update({ data: { status: 'cancelled', cancelReason: reason, cancelledAt: new Date() } })
    }
    const current = await requireActivity(activityId)
    const { data } = await signups()
      .where({ activityId, status: _.in(['signed_up', 'checked_in']) })
      .limit(1000)
      .get<SignupDoc>()
    const payload = { activityId, title: current.title, reason: current.cancelReason ?? reason, startAt: current.startAt }
    await notifyEach(
      'activity_cancelled',
      data.map(({ openid }) => ({ _id: ownedId('ac', `${activityId}|${openid}`), openid, payload })),
    )
    return viewFor(activityId, ctx.openid, await ctx.user())
  },
  audit: (_input, out) => ({ communityId: out.communityId, target: out._id, summary: `取消活动：${out.title}`, key: out._id }),
})
