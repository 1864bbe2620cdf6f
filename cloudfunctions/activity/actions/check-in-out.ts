import { activityInputs } from '@/domain/activity/contract'
import { checkInRefusal, checkOutRefusal } from '@/domain/activity/attendance'
import { AppError } from '@/domain/errors'
import { formatDistance, haversineMeters } from '@/domain/geo'
import { action } from '../../_kit/define-function'
import { requireSlotLeft, takeSlot } from '../../_kit/rate-limit'
import { findSignup, isStaffOf, positionOf, requireActivity, signups, toView, viewFor, type ActivityDoc, type SignupDoc } from '../activities'
import { codeMatches } from '../code'
import { attendanceResult, tellResult } from '../credit'

type Presence = { latitude?: number; longitude?: number; code?: string }

/** Wrong codes a person may enter for one activity: enough for typos, far too few to guess 6 digits. */
export const WRONG_CODE_LIMIT = 20
const WRONG_CODE_MESSAGE = '签到码输错次数太多，请组织者在名单上为您确认出勤'

/**
 * Proof of being there: the organiser's current code, or a position within the activity's radius.
 * Neither credits by itself (the roster confirmation does); wrong codes are limited per person and
 * activity so the code cannot be guessed.
 */
async function requirePresence(doc: ActivityDoc, openid: string, input: Presence, now: Date): Promise<'code' | 'position'> {
  if (input.code !== undefined) {
    const counterId = `wrong-code:${doc._id}:${openid}`
    await requireSlotLeft(counterId, WRONG_CODE_LIMIT, WRONG_CODE_MESSAGE)
    if (!codeMatches(doc.codeSecret, doc._id, input.code, now)) {
      await takeSlot(counterId, WRONG_CODE_LIMIT, WRONG_CODE_MESSAGE)
      throw new AppError('INVALID_INPUT', '签到码不对或已过期，请看组织者手机上最新的签到码', { code: '签到码不对或已过期' })
    }
    return 'code'
  }
  const position = positionOf(input)
  if (!position) throw new AppError('INVALID_INPUT', '请允许获取位置，或输入组织者出示的签到码')
  const distance = haversineMeters(position, doc.location)
  if (distance > doc.checkInRadiusMeters) {
    throw new AppError('CONFLICT', `您离活动地点还有${formatDistance(distance)}，到达${doc.checkInRadiusMeters}米范围内再签到，或请组织者出示签到码`)
  }
  return 'position'
}

function requireSignup(signup: SignupDoc | null): SignupDoc {
  if (!signup || signup.status === 'cancelled') throw new AppError('FORBIDDEN', '您没有报名这个活动')
  return signup
}

/** The activity and the caller's sign-up, read beside the caller's record. */
const preload = ({ activityId }: { activityId: string }, openid: string) => Promise.all([requireActivity(activityId), findSignup(activityId, openid)])

export const checkIn = action({
  input: activityInputs.checkIn,
  audience: 'anyone',
  preload,
  async handler(input, ctx, [doc, found]) {
    const signup = requireSignup(found)
    const user = await ctx.user()
    if (signup.status === 'signed_up') {
      if (doc.status === 'cancelled') throw new AppError('CONFLICT', '活动已取消')
      const now = new Date()
      const refusal = checkInRefusal(doc, now)
      if (refusal) throw new AppError('CONFLICT', refusal)
      const method = await requirePresence(doc, ctx.openid, input, now)
      const checkedIn = { status: 'checked_in' as const, checkedInAt: now, checkInMethod: method }
      const { stats } = await signups().where({ _id: signup._id, status: 'signed_up' }).update({ data: checkedIn })
      // Written here: the view is the sign-up as written, with no read back.
      if (stats.updated === 1) return toView(doc, { signup: { ...signup, ...checkedIn }, manageable: isStaffOf(user, doc.communityId) })
      return viewFor(doc._id, ctx.openid, user)
    }
    // Already checked in (a retry, a second tap): the first time stands.
    return toView(doc, { signup, manageable: isStaffOf(user, doc.communityId) })
  },
})

/**
 * Check-out stores the attended time, its coverage and the hours served in one conditional update
 * from `checked_in`. It credits nothing: the organiser's roster confirmation does, so a position
 * the phone made up earns nothing by itself (民政部令第67号 2020: 谁记录谁证明).
 */
export const checkOut = action({
  input: activityInputs.checkOut,
  audience: 'anyone',
  preload,
  async handler(input, ctx, [doc, found]) {
    const signup = requireSignup(found)
    if (signup.status === 'signed_up') throw new AppError('CONFLICT', '请先签到')
    const user = await ctx.user()
    if (signup.status === 'checked_in') {
      const now = new Date()
      const refusal = checkOutRefusal(doc, now)
      if (refusal) throw new AppError('CONFLICT', refusal)
      await requirePresence(doc, ctx.openid, input, now)
      const checkedOut = { status: 'checked_out' as const, checkedOutAt: now, ...attendanceResult(doc, signup.checkedInAt ?? now, now) }
      const { stats } = await signups().where({ _id: signup._id, status: 'checked_in' }).update({ data: checkedOut })
      if (stats.updated === 1) {
        // Written here: the sign-up as written, no read back. Hours credit only when the organiser
        // confirms the roster; too little time is told at once.
        const done = { ...signup, ...checkedOut }
        if (done.creditedHours <= 0) await tellResult(doc, done)
        return toView(doc, { signup: done, manageable: isStaffOf(user, doc.communityId) })
      }
      // Checked out by a tap at the same moment: that one's result stands.
      return viewFor(doc._id, ctx.openid, user)
    }
    return toView(doc, { signup, manageable: isStaffOf(user, doc.communityId) })
  },
})
