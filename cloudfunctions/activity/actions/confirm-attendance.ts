import { activityInputs } from '@/domain/activity/contract'
import { AppError } from '@/domain/errors'
import { _ } from '../../_kit/cloud'
import { action } from '../../_kit/define-function'
import { mapWithCap } from '../../_kit/parallel'
import { requireActivity, signups, type SignupDoc } from '../activities'
import { creditSignup, tellResult } from '../credit'
import { toRows } from './attendance'
import { changeKey } from '../../_kit/audit'

/**
 * The organiser confirms the roster: each checked-out sign-up ticked is marked confirmed by one
 * conditional update, then credited (谁记录谁证明: the organisation records the service, 民政部令第67号
 * 2020). Check-in by position or code only says when someone came and went; this is what credits.
 * Safe to retry: confirming again credits nothing twice and tells nobody twice.
 */
export const confirmAttendance = action({
  input: activityInputs.confirmAttendance,
  audience: ['staff'],
  async handler({ activityId, signupIds }, ctx) {
    const doc = await requireActivity(activityId)
    const staff = await ctx.requireStaffOf(doc.communityId)
    const ids = [...new Set(signupIds)]
    const { data } = await signups().where({ _id: _.in(ids), activityId }).get<SignupDoc>()
    if (data.some((s) => s.openid === ctx.openid)) throw new AppError('FORBIDDEN', '不能确认自己的出勤，请由其他工作人员确认')
    const checkedOut = data.filter((s) => s.status === 'checked_out')
    if (checkedOut.length === 0) throw new AppError('CONFLICT', '所选的志愿者还没有签退，签退后才能确认')
    const now = new Date()
    let confirmed = 0
    await mapWithCap(checkedOut, 5, async (signup) => {
      const { stats } = await signups().where({ _id: signup._id, status: 'checked_out', confirmedAt: null }).update({ data: { confirmedAt: now, confirmedBy: ctx.openid } })
      const madeHere = stats.updated === 1
      if (madeHere) confirmed += 1
      const done: SignupDoc = madeHere ? { ...signup, confirmedAt: now, confirmedBy: ctx.openid } : signup
      if (done.confirmedAt !== null) {
        await creditSignup(doc, done, { openid: ctx.openid, name: staff.displayName }, done.checkInMethod === 'makeup' ? 'makeup' : 'activity')
        if (madeHere && done.creditedHours > 0) await tellResult(doc, done)
      }
    })
    // Read again: a concurrent confirmation may have marked a row this call found unconfirmed.
    const { data: after } = await signups().where({ _id: _.in(checkedOut.map((s) => s._id)) }).get<SignupDoc>()
    return { confirmed, rows: await toRows(after) }
  },
  audit: async (input) => ({ communityId: (await requireActivity(input.activityId)).communityId, target: input.activityId, summary: `确认出勤并记录服务时长（${new Set(input.signupIds).size} 人）`, key: changeKey(input.activityId, [...new Set(input.signupIds)].sort()) }),
})
