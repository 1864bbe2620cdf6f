import { todayInChina } from '@/domain/dates'
import { AppError } from '@/domain/errors'
import { trainingInputs } from '@/domain/firstaid/training'
import { canSignUp } from '@/domain/firstaid/training-record'
import { _, db, isDuplicateKey } from '../../_kit/cloud'
import { action } from '../../_kit/define-function'
import { notify, notifySettingsOf } from '../../_kit/notify'
import { certificateId, certificates, mineOf, requireSession, sessions, signupId, signups, toCertificates, toSession, type CertificateDoc, type SessionDoc, type SignupDoc } from '../store'

/** Upcoming sessions with places left and the caller's own sign-up. */
export const list = action({
  input: trainingInputs.sessions,
  audience: 'anyone',
  async handler({ communityId }, { openid }) {
    const { data } = await sessions().where({ date: _.gte(todayInChina()), ...(communityId ? { communityId } : {}) }).orderBy('date', 'asc').limit(50).get<SessionDoc>()
    return { items: await Promise.all(data.map(async (doc) => toSession(doc, await mineOf(doc._id, openid)))) }
  },
})

/** Staff publish a session for their community: one or more course days, listed by the first. */
export const create = action({
  input: trainingInputs.create,
  audience: ['staff'],
  async handler(input, ctx) {
    await ctx.requireStaffOf(input.communityId)
    const { _id } = await sessions().add({ data: { ...input, date: input.dates[0], seatsLeft: input.capacity, createdBy: ctx.openid, createdAt: db.serverDate() } })
    return toSession(await requireSession(_id), null)
  },
  audit: (_input, out) => ({ communityId: out.communityId, target: out._id, summary: `发布培训：${out.title}`, key: out._id }),
})

/** The caller's communities' sessions, newest first, past ones too: results and certificates are recorded after the course. */
export const manageSessions = action({
  input: trainingInputs.manageSessions,
  audience: ['staff'],
  audit: 'read',
  async handler(_input, ctx) {
    const { data } = await sessions().where({ communityId: _.in(await ctx.staffScope()) }).orderBy('date', 'desc').limit(50).get<SessionDoc>()
    return { items: data.map((doc) => toSession(doc, null)) }
  },
})

/**
 * 报名. A place is taken by a conditional decrement (`seatsLeft > 0`), so however many sign up
 * at once the capacity is never exceeded.
 */
export const signup = action({
  input: trainingInputs.signup,
  audience: 'anyone',
  // The session, any earlier sign-up and the person's message settings, beside the caller's record.
  preload: ({ sessionId }, openid) => Promise.all([requireSession(sessionId), mineOf(sessionId, openid), notifySettingsOf(openid)]),
  async handler({ sessionId, name, phone }, { openid }, [session, existing, settings]) {
    const _id = signupId(sessionId, openid)
    if (!canSignUp(existing)) throw new AppError('CONFLICT', '您已经报名了这期培训')
    const { stats } = await sessions().where({ _id: sessionId, seatsLeft: _.gt(0) }).update({ data: { seatsLeft: _.inc(-1) } })
    if (stats.updated !== 1) throw new AppError('CONFLICT', '名额已满，请关注下一期培训')
    const record = { sessionId, openid, communityId: session.communityId, name, phone, status: 'signed' }
    // Of the same person's sign-ups at once only one becomes the record; the others give their
    // place back, so repeated taps never use up places.
    let recorded = true
    if (existing) recorded = (await signups().where({ _id, status: 'cancelled' }).update({ data: record })).stats.updated === 1
    else {
      try {
        await signups().add({ data: { _id, ...record } })
      } catch (error) {
        if (!isDuplicateKey(error)) throw error
        recorded = false
      }
    }
    if (!recorded) {
      await sessions().where({ _id: sessionId }).update({ data: { seatsLeft: _.inc(1) } })
      throw new AppError('CONFLICT', '您已经报名了这期培训')
    }
    await notify(openid, 'training_signup', { sessionTitle: session.title, date: session.date, place: session.place }, { settings })
    // The session as just written (one place fewer): no read back.
    return toSession({ ...session, seatsLeft: session.seatsLeft - 1 }, 'signed')
  },
})

export const cancelSignup = action({
  input: trainingInputs.cancelSignup,
  audience: 'anyone',
  async handler({ sessionId }, { openid }) {
    const { stats } = await signups().where({ _id: signupId(sessionId, openid), status: 'signed' }).update({ data: { status: 'cancelled' } })
    if (stats.updated !== 1) throw new AppError('CONFLICT', '没有可以取消的报名')
    await sessions().where({ _id: sessionId }).update({ data: { seatsLeft: _.inc(1) } })
    return toSession(await requireSession(sessionId), 'cancelled')
  },
})

/** Who signed up (staff of the session's community), with phones for contacting them and the 救护员证 recorded for each. */
export const roster = action({
  input: trainingInputs.roster,
  audience: ['staff'],
  audit: 'read',
  async handler({ sessionId }, ctx) {
    const session = await requireSession(sessionId)
    await ctx.requireStaffOf(session.communityId)
    const { data } = await signups().where({ sessionId, status: _.neq('cancelled') }).limit(500).get<SignupDoc>()
    const ids = data.filter((s) => s.status === 'passed').map((s) => certificateId(sessionId, s.openid))
    const recorded = ids.length ? (await certificates().where({ _id: _.in(ids) }).limit(500).get<CertificateDoc>()).data : []
    const shown = await toCertificates(recorded)
    const byHolder = new Map(recorded.map((c, i) => [c.openid, shown[i]]))
    return { items: data.map(({ _id, name, phone, status, openid }) => ({ _id, sessionId, name, phone, status, certificate: byHolder.get(openid) ?? null })) }
  },
})
