import crypto from 'node:crypto'
import { activityInputs } from '@/domain/activity/contract'
import { closedToMinors, isRiskyActivity, reminderDueAt } from '@/domain/activity/rules'
import { isMinor } from '@/domain/volunteer/profile'
import { todayInChina } from '@/domain/dates'
import { certifiesOn } from '@/domain/firstaid/training'
import { AppError } from '@/domain/errors'
import { _, collections, db, isDuplicateKey } from '../../_kit/cloud'
import { action } from '../../_kit/define-function'
import { wakeJobBy } from '../../_kit/job-marks'
import { requireCommunity } from '../../_kit/communities'
import { requireStandingIn, standingOf } from '../../_kit/volunteer-access'
import { activities, findSignup, isStaffOf, releaseSeat, requireActivity, signups, toView, viewFor, type ActivityDoc, type SignupDoc } from '../activities'
import { newSignup } from '../new-signup'

async function hasValidCertificate(openid: string): Promise<boolean> {
  const { data } = await db.collection(collections.certificates).where({ openid }).orderBy('issuedOn', 'desc').limit(20).get<{ number: string | null; validUntil: string }>()
  const today = todayInChina()
  return data.some((c) => certifiesOn(c, today))
}

function requireOpen(doc: ActivityDoc, certified: boolean): void {
  if (doc.status !== 'open') throw new AppError('CONFLICT', '活动已取消')
  if (new Date() > doc.signupDeadline) throw new AppError('CONFLICT', '报名已截止')
  if (!certified) throw new AppError('FORBIDDEN', '这个活动需要有效的救护员证，参加救护员培训取得证书后再来报名吧')
}

/**
 * Takes a place: one conditional update that needs a place left and no seat of the caller's yet,
 * and takes both at once. So however many sign up together, no more than `capacity` get in and
 * nobody twice. Answers the seat's token (the one a concurrent tap of the same person took, too).
 */
async function takeSeat(doc: ActivityDoc, openid: string): Promise<{ token: string; taken: boolean }> {
  const seat = `seats.${openid}`
  const token = crypto.randomBytes(8).toString('hex')
  const { stats } = await activities()
    .where({ _id: doc._id, status: 'open', placesLeft: _.gt(0), [seat]: _.exists(false) })
    .update({ data: { placesLeft: _.inc(-1), [seat]: token } })
  if (stats.updated === 1) return { token, taken: true }
  const fresh = await requireActivity(doc._id)
  if (fresh.seats[openid]) return { token: fresh.seats[openid], taken: false }
  if (fresh.status !== 'open') throw new AppError('CONFLICT', '活动已取消')
  throw new AppError('CONFLICT', '名额已满，看看其他活动吧')
}

/** The sign-up record of a seat: created (answered as written), or (after a cancel) signed up again (null). */
async function writeSignup(doc: ActivityDoc, openid: string, seatToken: string): Promise<SignupDoc | null> {
  const fresh = newSignup(doc, openid, seatToken, new Date())
  try {
    await signups().add({ data: fresh })
    return fresh
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
    await signups().where({ _id: fresh._id, status: 'cancelled' }).update({ data: { status: 'signed_up', seatToken, signedUpAt: fresh.signedUpAt, reminded: false } })
    return null
  }
}

/**
 * Sign-up in two idempotent steps, seat then record; a retry after a crash between them finds
 * its seat and writes the record. A seat still held by a cancelled sign-up (a cancel cut off
 * before it gave the seat back) is given back first, so the place is counted once.
 */
export const signup = action({
  input: activityInputs.signup,
  audience: 'anyone',
  // The activity, the caller's sign-up and their volunteer standing, beside the caller's record.
  preload: ({ activityId }, openid) => Promise.all([requireActivity(activityId), findSignup(activityId, openid), standingOf(openid)]),
  async handler({ activityId }, ctx, [doc, existing, standing]) {
    const signedUp = existing?.status === 'signed_up' || existing?.status === 'checked_in' || existing?.status === 'checked_out'
    // The community (whether outsiders wait for approval) and, where the activity asks for one, the certificate, side by side.
    const [community, certified] = await Promise.all([requireCommunity(doc.communityId), !signedUp && doc.requiresCertificate ? hasValidCertificate(ctx.openid) : true])
    const volunteer = requireStandingIn(standing, community)
    // 《志愿服务条例》2017 第十五条: tasks fit the volunteer's age.
    if (closedToMinors(doc) && isMinor(volunteer, todayInChina())) {
      throw new AppError('FORBIDDEN', isRiskyActivity(doc.type) ? '这个活动有人身风险，未满18周岁的志愿者不能报名' : '这个活动不适合未成年人参加，未满18周岁的志愿者不能报名')
    }
    const user = await ctx.user()
    if (signedUp) return toView(doc, { signup: existing, manageable: isStaffOf(user, doc.communityId) })
    let token: string | undefined = doc.seats[ctx.openid]
    let released = false
    if (token && existing?.status === 'cancelled' && existing.seatToken === token) {
      await releaseSeat(activityId, ctx.openid, token)
      token = undefined
      released = true
    }
    let taken = false
    if (!token) {
      requireOpen(doc, certified)
      ;({ token, taken } = await takeSeat(doc, ctx.openid))
    }
    // The reminder job sleeps until a reminder is owed: this one's time, side by side with the record.
    const [written] = await Promise.all([writeSignup(doc, ctx.openid, token), wakeJobBy('activity', reminderDueAt(doc.startAt))])
    // The usual way (a seat taken in one step, a new record): the view is what was just written, with no read back.
    if (written && taken && !released) {
      const seated = { ...doc, placesLeft: doc.placesLeft - 1, seats: { ...doc.seats, [ctx.openid]: token } }
      return toView(seated, { signup: written, manageable: isStaffOf(user, doc.communityId) })
    }
    return viewFor(activityId, ctx.openid, user)
  },
})
