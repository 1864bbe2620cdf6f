import { todayInChina } from '@/domain/dates'
import { AppError } from '@/domain/errors'
import { SIGNUP_STATUS_LABELS, trainingInputs } from '@/domain/firstaid/training'
import { courseDaysOf, decideRecord } from '@/domain/firstaid/training-record'
import { action } from '../../_kit/define-function'
import { notify } from '../../_kit/notify'
import { certificateId, certificates, requireSession, signups, toCertificates, type CertificateDoc, type SessionDoc, type SignupDoc } from '../store'

/** The sign-up, for staff of its community. */
export async function requireSignupForStaff(signupId: string, ctx: { requireStaffOf(communityId: string): Promise<unknown> }, known?: SignupDoc | null): Promise<SignupDoc> {
  const signup = known !== undefined ? known : (await signups().where({ _id: signupId }).get<SignupDoc>()).data[0]
  if (!signup || signup.status === 'cancelled') throw new AppError('NOT_FOUND', '没有找到这条报名')
  await ctx.requireStaffOf(signup.communityId)
  return signup
}

/** The sign-up, then its session beside `also` (further reads that need the sign-up): preloaded beside the caller's record. */
export async function signupWithSession<T>(signupId: string, also: (signup: SignupDoc) => Promise<T>): Promise<{ signup: SignupDoc | null; session: Promise<SessionDoc> | null; more: T | null }> {
  const signup = (await signups().where({ _id: signupId }).get<SignupDoc>()).data[0] ?? null
  if (!signup) return { signup, session: null, more: null }
  // The session's failure (NOT_FOUND) reaches the caller only if the handler gets that far.
  const session = requireSession(signup.sessionId)
  session.catch(() => undefined)
  const [more] = await Promise.all([also(signup), session.catch(() => undefined)])
  return { signup, session, more }
}

/**
 * Staff record attendance from the first course day, then the exam result from the last. A pass
 * issues nothing: the 救护员证 is issued by the Red Cross after its exams and recorded from it
 * (recordCertificate); the answer carries the one recorded for this course, if any.
 */
export const record = action({
  input: trainingInputs.record,
  audience: ['staff'],
  // The sign-up, then its session and the certificate recorded for it, beside the caller's record.
  preload: ({ signupId }) => signupWithSession(signupId, async (signup) => (await certificates().where({ _id: certificateId(signup.sessionId, signup.openid) }).get<CertificateDoc>()).data),
  async handler({ signupId, status }, ctx, preloaded) {
    const signup = await requireSignupForStaff(signupId, ctx, preloaded.signup)
    const session = await (preloaded.session ?? requireSession(signup.sessionId))
    const decision = decideRecord(signup.status, status, courseDaysOf(session), todayInChina())
    if (!decision.ok) throw new AppError('CONFLICT', decision.message)
    if (!decision.repeat) {
      // Conditional on the status just read: of two staff recording at once only one step lands;
      // the other sees the new status and either repeats it (same step) or is told it changed.
      const { stats } = await signups().where({ _id: signupId, status: decision.from }).update({ data: { status } })
      const changed = stats.updated === 1
      if (!changed) {
        const now = (await signups().where({ _id: signupId }).get<SignupDoc>()).data[0]
        if (now?.status !== status) throw new AppError('CONFLICT', '这条报名刚被其他工作人员更新，请刷新后再试')
      }
      // Only the call that changes the result tells the person (of an exam result, not attendance):
      // a repeated tap tells nobody again. Beside the audit entry.
      if (changed && status !== 'attended') ctx.afterwards(() => notify(signup.openid, 'training_result', { sessionTitle: session.title, result: status, at: new Date() }))
    }
    const certificate = (await toCertificates(preloaded.more ?? []))[0] ?? null
    return { _id: signupId, sessionId: signup.sessionId, communityId: signup.communityId, name: signup.name, phone: signup.phone, status, certificate }
  },
  audit: (input, out) => ({ communityId: out.communityId, target: input.signupId, summary: `登记培训结果：${SIGNUP_STATUS_LABELS[input.status]}`, key: `${input.signupId}:${input.status}` }),
})

/** The caller's 救护员证, newest first (待补录 ones with a null number). */
export const mine = action({
  input: trainingInputs.certificates,
  audience: 'anyone',
  async handler(_input, { openid }) {
    const { data } = await certificates().where({ openid }).orderBy('issuedOn', 'desc').get<CertificateDoc>()
    return { items: await toCertificates(data) }
  },
})
