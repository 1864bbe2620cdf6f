import { activityInputs } from '@/domain/activity/contract'
import { MAKEUP_WINDOW_MS } from '@/domain/activity/attendance'
import { AppError } from '@/domain/errors'
import { _ } from '../../_kit/cloud'
import { requirePassingText } from '../../_kit/content-check'
import { action } from '../../_kit/define-function'
import { communityOfSignup, findSignup, requireActivity, signups, viewFor, type SignupDoc } from '../activities'
import { toRows } from './attendance'
import { attendanceResult, creditSignup, tellResult } from '../credit'

/**
 * 补签: a volunteer who could not check in or out asks staff to record when they arrived and left.
 * Possible once the activity has started, until 7 days after its end, while no hours were credited.
 */
export const requestMakeup = action({
  input: activityInputs.requestMakeup,
  audience: 'anyone',
  async handler({ activityId, reason, arrivedAt, leftAt }, ctx) {
    const doc = await requireActivity(activityId)
    const signup = await findSignup(activityId, ctx.openid)
    if (!signup || signup.status === 'cancelled') throw new AppError('FORBIDDEN', '您没有报名这个活动')
    const now = new Date()
    if (doc.status === 'cancelled') throw new AppError('CONFLICT', '活动已取消')
    if (now < doc.startAt) throw new AppError('CONFLICT', '活动开始后才能申请补签')
    if (now.getTime() > doc.endAt.getTime() + MAKEUP_WINDOW_MS) throw new AppError('CONFLICT', '活动结束已超过7天，不能再申请补签')
    if (signup.creditedHours > 0) throw new AppError('CONFLICT', '本次活动的时长已经记入，无需补签')
    if (signup.makeup?.status === 'pending') throw new AppError('CONFLICT', '补签申请正在审核中')
    if (new Date(leftAt) > now) throw new AppError('INVALID_INPUT', '离开时间不能晚于现在', { leftAt: '离开时间不能晚于现在' })
    await requirePassingText(ctx.openid, reason)
    const makeup = { status: 'pending', reason, arrivedAt: new Date(signup.checkedInAt ?? arrivedAt), leftAt: new Date(leftAt), requestedAt: now, reviewNote: null, reviewedAt: null }
    await signups()
      .where({ _id: signup._id, creditedHours: 0, 'makeup.status': _.neq('pending') })
      .update({ data: { makeup: _.set(makeup) } })
    return viewFor(activityId, ctx.openid, await ctx.user())
  },
})

/**
 * Staff decide a 补签. Approving records the times and hours on the sign-up in one conditional
 * update from `pending`, then credits the ledger (once, under the activity's entry for that person).
 */
export const reviewMakeup = action({
  input: activityInputs.reviewMakeup,
  audience: ['staff'],
  async handler({ signupId, decision, reason }, ctx) {
    const { data } = await signups().where({ _id: signupId }).limit(1).get<SignupDoc>()
    const signup = data[0]
    if (!signup?.makeup) throw new AppError('NOT_FOUND', '没有找到这条补签申请')
    const doc = await requireActivity(signup.activityId)
    const staff = await ctx.requireStaffOf(doc.communityId)
    if (signup.openid === ctx.openid) throw new AppError('FORBIDDEN', '不能审核自己的补签，请由其他工作人员处理')
    const now = new Date()
    let madeHere = false
    if (signup.makeup.status === 'pending') {
      const reviewed = { 'makeup.status': decision === 'approve' ? 'approved' : 'rejected', 'makeup.reviewNote': reason || null, 'makeup.reviewedAt': now }
      const approved =
        decision === 'approve'
          ? {
              status: 'checked_out',
              checkedInAt: signup.makeup.arrivedAt,
              checkedOutAt: signup.makeup.leftAt,
              checkInMethod: 'makeup',
              ...attendanceResult(doc, signup.makeup.arrivedAt, signup.makeup.leftAt),
              // Staff approving the times is the organisation recording them: it confirms as well.
              confirmedAt: now,
              confirmedBy: ctx.openid,
            }
          : {}
      const { stats } = await signups().where({ _id: signupId, 'makeup.status': 'pending' }).update({ data: { ...reviewed, ...approved } })
      madeHere = stats.updated === 1
    } else if (signup.makeup.status !== (decision === 'approve' ? 'approved' : 'rejected')) {
      throw new AppError('CONFLICT', '这条补签申请已经处理过了')
    }
    const { data: after } = await signups().where({ _id: signupId }).limit(1).get<SignupDoc>()
    const done = after[0]
    if (done.makeup?.status === 'approved') {
      await creditSignup(doc, done, { openid: ctx.openid, name: staff.displayName }, 'makeup')
      if (madeHere) await tellResult(doc, done)
    }
    const [row] = await toRows([done])
    return row
  },
  audit: async (input) => ({ communityId: await communityOfSignup(input.signupId), target: input.signupId, summary: input.decision === 'approve' ? '通过补签申请' : '不通过补签申请', key: input.signupId }),
})
