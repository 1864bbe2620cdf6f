import { activityInputs } from '@/domain/activity/contract'
import { todayInChina } from '@/domain/dates'
import { AppError } from '@/domain/errors'
import { _, collections, db, isDuplicateKey } from '../../_kit/cloud'
import { action } from '../../_kit/define-function'
import { activities, requireActivity, signupIdOf, signups, viewFor, type ActivityDoc, type SignupDoc } from '../activities'

async function requireActiveVolunteer(openid: string): Promise<void> {
  const { data } = await db.collection(collections.volunteers).where({ openid }).limit(1).get<{ status: string }>()
  if (data[0]?.status !== 'active') throw new AppError('FORBIDDEN', '注册成为志愿者并通过审核后才能报名活动')
}

async function requireValidCertificate(openid: string): Promise<void> {
  const { data } = await db.collection(collections.certificates).where({ openid }).orderBy('issuedOn', 'desc').limit(20).get<{ validUntil: string }>()
  if (!data.some((c) => c.validUntil >= todayInChina())) throw new AppError('FORBIDDEN', '这个活动需要有效的救护员证，参加救护员培训取得证书后再来报名吧')
}

/**
 * Takes a place: one conditional update that needs a place left and no seat of the caller's yet,
 * and takes both at once. So however many sign up together, no more than `capacity` get in and
 * nobody twice. A retry finds its seat already held and goes on to write the sign-up.
 */
async function takeSeat(doc: ActivityDoc, openid: string): Promise<void> {
  const seat = `seats.${openid}`
  const { stats } = await activities()
    .where({ _id: doc._id, status: 'open', placesLeft: _.gt(0), [seat]: _.exists(false) })
    .update({ data: { placesLeft: _.inc(-1), [seat]: new Date() } })
  if (stats.updated === 1) return
  const fresh = await requireActivity(doc._id)
  if (fresh.seats[openid]) return
  if (fresh.status !== 'open') throw new AppError('CONFLICT', '活动已取消')
  throw new AppError('CONFLICT', '名额已满，看看其他活动吧')
}

/** The sign-up record of a seat: created, or (after a cancel) signed up again. */
async function writeSignup(doc: ActivityDoc, openid: string): Promise<void> {
  const fresh: SignupDoc = {
    _id: signupIdOf(doc._id, openid),
    activityId: doc._id,
    openid,
    communityId: doc.communityId,
    startAt: doc.startAt,
    endAt: doc.endAt,
    status: 'signed_up',
    signedUpAt: new Date(),
    checkedInAt: null,
    checkedOutAt: null,
    checkInMethod: null,
    coverage: null,
    creditedHours: 0,
    makeup: null,
    reminded: false,
  }
  try {
    await signups().add({ data: fresh })
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
    await signups().where({ _id: fresh._id, status: 'cancelled' }).update({ data: { status: 'signed_up', signedUpAt: fresh.signedUpAt, reminded: false } })
  }
}

export const signup = action({
  input: activityInputs.signup,
  audience: 'anyone',
  async handler({ activityId }, ctx) {
    const doc = await requireActivity(activityId)
    await requireActiveVolunteer(ctx.openid)
    if (!doc.seats[ctx.openid]) {
      if (doc.status !== 'open') throw new AppError('CONFLICT', '活动已取消')
      if (new Date() > doc.signupDeadline) throw new AppError('CONFLICT', '报名已截止')
      if (doc.requiresCertificate) await requireValidCertificate(ctx.openid)
      await takeSeat(doc, ctx.openid)
    }
    await writeSignup(doc, ctx.openid)
    return viewFor(activityId, ctx.openid, await ctx.user())
  },
})
