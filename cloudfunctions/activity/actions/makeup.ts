import { activityInputs } from '@/domain/activity/contract'
import { MAKEUP_WINDOW_MS } from '@/domain/activity/attendance'
import { AppError } from '@/domain/errors'
import { _ } from '../../_kit/cloud'
import { requirePassingText } from '../../_kit/content-check'
import { action } from '../../_kit/define-function'
import { activities, communityOfSignup, findSignup, findSignupById, isStaffOf, requireActivity, signups, toView, viewFor, type ActivityDoc, type SignupDoc, type StoredMakeup } from '../activities'
import { partsOfSignupId } from '../new-signup'
import { requireCommunity } from '../../_kit/communities'
import { toRow, volunteersOf } from './attendance'
import { attendanceResult, creditSignup, tellResult } from '../credit'

/**
 * 补签: a volunteer who could not check in or out asks staff to record when they arrived and left.
 * Possible once the activity has started, until 7 days after its end, while no hours were credited.
 */
export const requestMakeup = action({
  input: activityInputs.requestMakeup,
  audience: 'anyone',
  // The activity and the caller's sign-up, beside the caller's record.
  preload: ({ activityId }, openid) => Promise.all([requireActivity(activityId), findSignup(activityId, openid)]),
  async handler({ activityId, reason, arrivedAt, leftAt }, ctx, [doc, signup]) {
    if (!signup || signup.status === 'cancelled') throw new AppError('FORBIDDEN', '您没有报名这个活动')
    const now = new Date()
    if (doc.status === 'cancelled') throw new AppError('CONFLICT', '活动已取消')
    if (now < doc.startAt) throw new AppError('CONFLICT', '活动开始后才能申请补签')
    if (now.getTime() > doc.endAt.getTime() + MAKEUP_WINDOW_MS) throw new AppError('CONFLICT', '活动结束已超过7天，不能再申请补签')
    if (signup.creditedHours > 0) throw new AppError('CONFLICT', '本次活动的时长已经记入，无需补签')
    if (signup.makeup?.status === 'pending') throw new AppError('CONFLICT', '补签申请正在审核中')
    if (new Date(leftAt) > now) throw new AppError('INVALID_INPUT', '离开时间不能晚于现在', { leftAt: '离开时间不能晚于现在' })
    await requirePassingText(ctx.openid, reason)
    const makeup: StoredMakeup = { status: 'pending', reason, arrivedAt: new Date(signup.checkedInAt ?? arrivedAt), leftAt: new Date(leftAt), requestedAt: now, reviewNote: null, reviewedAt: null }
    const { stats } = await signups()
      .where({ _id: signup._id, creditedHours: 0, 'makeup.status': _.neq('pending') })
      .update({ data: { makeup: _.set(makeup) } })
    const user = await ctx.user()
    // Made here: the sign-up is as read, with this request. Otherwise something changed meanwhile: read afresh.
    if (stats.updated === 1) return toView(doc, { signup: { ...signup, makeup }, manageable: isStaffOf(user, doc.communityId) })
    return viewFor(activityId, ctx.openid, user)
  },
})

/**
 * Staff decide a 补签. Approving records the times and hours on the sign-up in one conditional
 * update from `pending`, then credits the ledger (once, under the activity's entry for that person).
 */
export const reviewMakeup = action({
  input: activityInputs.reviewMakeup,
  audience: ['staff'],
  // The sign-up, its activity and its volunteer (both named by the sign-up's id), beside the caller's record.
  preload: ({ signupId }) => {
    const { activityId, openid } = partsOfSignupId(signupId)
    return Promise.all([
      findSignupById(signupId),
      activities().where({ _id: activityId }).limit(1).get<ActivityDoc>().then(({ data }) => data[0] ?? null),
      volunteersOf([openid]).then((found) => found.get(openid)),
    ])
  },
  async handler({ signupId, decision, reason }, ctx, [signup, found, volunteer]) {
    if (!signup?.makeup) throw new AppError('NOT_FOUND', '没有找到这条补签申请')
    const doc = found?._id === signup.activityId ? found : await requireActivity(signup.activityId)
    const staff = await ctx.requireStaffOf(doc.communityId)
    if (signup.openid === ctx.openid) throw new AppError('FORBIDDEN', '不能审核自己的补签，请由其他工作人员处理')
    const approving = decision === 'approve'
    // The points rate goes beside the decision.
    const community = approving ? requireCommunity(doc.communityId) : null
    community?.catch(() => undefined)
    const now = new Date()
    let done: SignupDoc = signup
    let madeHere = false
    if (signup.makeup.status === 'pending') {
      const reviewed = { status: approving ? 'approved' : 'rejected', reviewNote: reason || null, reviewedAt: now } as const
      const approved = approving
        ? {
            status: 'checked_out' as const,
            checkedInAt: signup.makeup.arrivedAt,
            checkedOutAt: signup.makeup.leftAt,
            checkInMethod: 'makeup' as const,
            ...attendanceResult(doc, signup.makeup.arrivedAt, signup.makeup.leftAt),
            // Staff approving the times is the organisation recording them: it confirms as well.
            confirmedAt: now,
            confirmedBy: ctx.openid,
          }
        : {}
      const { stats } = await signups()
        .where({ _id: signupId, 'makeup.status': 'pending' })
        .update({ data: { 'makeup.status': reviewed.status, 'makeup.reviewNote': reviewed.reviewNote, 'makeup.reviewedAt': now, ...approved } })
      madeHere = stats.updated === 1
      // Made here: the sign-up is as written. Otherwise decided meanwhile: read afresh.
      done = madeHere ? { ...signup, ...approved, makeup: { ...signup.makeup, ...reviewed } } : ((await findSignupById(signupId)) ?? signup)
      if (!madeHere && done.makeup?.status !== reviewed.status) throw new AppError('CONFLICT', '这条补签申请已经处理过了')
    } else if (signup.makeup.status !== (approving ? 'approved' : 'rejected')) {
      throw new AppError('CONFLICT', '这条补签申请已经处理过了')
    }
    const row = toRow(done, volunteer)
    if (done.makeup?.status === 'approved' && done.creditedHours > 0) {
      const basis = { pointsPerHour: (await community!).pointsPerHour, volunteerName: volunteer?.name ?? null }
      // The volunteer's message goes beside the totals, the audit entry (its rule reads the community) beside the whole credit.
      await Promise.all([
        creditSignup(doc, done, { openid: ctx.openid, name: staff.displayName }, 'makeup', { basis, beside: madeHere ? () => tellResult(doc, done) : undefined }),
        ctx.auditAlongside(row),
      ])
    } else if (madeHere && done.makeup?.status === 'approved') {
      await tellResult(doc, done)
    }
    return row
  },
  audit: async (input) => ({ communityId: await communityOfSignup(input.signupId), target: input.signupId, summary: input.decision === 'approve' ? '通过补签申请' : '不通过补签申请', key: input.signupId }),
})
