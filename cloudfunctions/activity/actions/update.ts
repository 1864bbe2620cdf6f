import { activityInputs } from '@/domain/activity/contract'
import { reminderDueAt } from '@/domain/activity/rules'
import { AppError } from '@/domain/errors'
import { _ } from '../../_kit/cloud'
import { requirePassingText } from '../../_kit/content-check'
import { action } from '../../_kit/define-function'
import { wakeJobBy } from '../../_kit/job-marks'
import { activities, findSignup, isStaffOf, requireActivity, signups, toView } from '../activities'
import { changeKey } from '../../_kit/audit'

/**
 * Staff change an activity before it starts. The capacity may not drop below those signed up:
 * the change of `placesLeft` is guarded on the count it was computed from, so a sign-up landing
 * in between makes this a CONFLICT instead of a wrong count.
 */
export const update = action({
  input: activityInputs.update,
  audience: ['staff'],
  // The activity and the caller's own sign-up (for the answer), beside the caller's record.
  preload: ({ activityId }, openid) => Promise.all([requireActivity(activityId), findSignup(activityId, openid)]),
  async handler({ activityId, ...input }, ctx, [doc, mySignup]) {
    const staff = await ctx.requireStaffOf(doc.communityId)
    if (doc.status === 'cancelled') throw new AppError('CONFLICT', '活动已取消，不能再修改')
    if (new Date() >= doc.startAt) throw new AppError('CONFLICT', '活动已经开始，不能再修改')
    const signedUp = doc.capacity - doc.placesLeft
    if (input.capacity < signedUp) throw new AppError('INVALID_INPUT', `已有${signedUp}人报名，招募人数不能少于${signedUp}`, { capacity: `不能少于已报名的${signedUp}人` })
    await requirePassingText(ctx.openid, `${input.title}\n${input.description}\n${input.location.address}`)
    const changes = {
      title: input.title,
      type: input.type,
      description: input.description,
      location: input.location,
      startAt: new Date(input.startAt),
      endAt: new Date(input.endAt),
      signupDeadline: new Date(input.signupDeadline),
      capacity: input.capacity,
      placesLeft: input.capacity - signedUp,
      hours: input.hours,
      ...(input.checkInRadiusMeters !== undefined ? { checkInRadiusMeters: input.checkInRadiusMeters } : {}),
      minCoverage: input.minCoverage,
      requiresCertificate: input.requiresCertificate,
      adultsOnly: input.adultsOnly,
      insurance: input.insurance ?? null,
      // Always a change, so a retry of the same edit is not mistaken for a lost race.
      updatedAt: new Date(),
    }
    const { stats } = await activities()
      .where({ _id: activityId, status: 'open', placesLeft: doc.placesLeft })
      .update({ data: { ...changes, location: _.set(input.location), insurance: input.insurance ? _.set(input.insurance) : null } })
    if (stats.updated === 0) throw new AppError('CONFLICT', '刚刚有人报名或活动有变化，请刷新后再改')
    // Sign-ups carry the times for "my activities" and the reminder: kept in step (idempotent);
    // a new start time is reminded of again.
    const moved = new Date(input.startAt).getTime() !== doc.startAt.getTime()
    // The answer is the activity as this update left it (the conditional update guarantees it): no
    // read-back; its audit entry goes beside the sign-ups' times, and so does the reminder job's
    // mark when the start moved (its reminders are owed again, perhaps sooner).
    const view = toView({ ...doc, ...changes }, { signup: mySignup, manageable: isStaffOf(staff, doc.communityId) })
    await Promise.all([
      signups()
        .where({ activityId })
        .update({ data: { startAt: new Date(input.startAt), endAt: new Date(input.endAt), ...(moved ? { reminded: false } : {}) } }),
      ctx.auditAlongside(view),
      moved && signedUp > 0 ? wakeJobBy('activity', reminderDueAt(new Date(input.startAt))) : undefined,
    ])
    return view
  },
  audit: (input, out) => ({ communityId: out.communityId, target: out._id, summary: `修改活动：${out.title}`, key: changeKey(out._id, input) }),
})
