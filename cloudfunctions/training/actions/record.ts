import dayjs from 'dayjs'
import { todayInChina } from '@/domain/dates'
import { AppError } from '@/domain/errors'
import { CERTIFICATE_YEARS, trainingInputs, type Certificate } from '@/domain/firstaid/training'
import { decideRecord } from '@/domain/firstaid/training-record'
import { isDuplicateKey } from '../../_kit/cloud'
import { action } from '../../_kit/define-function'
import { ownedId } from '../../_kit/ids'
import { notify } from '../../_kit/notify'
import { nextInSequence } from '../../_kit/sequence'
import { certificates, requireSession, signups, type CertificateDoc, type SignupDoc } from '../store'

/** A certificate number: JHY + year + a sequence no two certificates share. */
async function nextCertificateNumber(year: number): Promise<string> {
  return `JHY${year}${String(await nextInSequence(`certificate-${year}`)).padStart(5, '0')}`
}

/**
 * Staff record attendance, then the result, on or after the session day. Passing a 救护员培训
 * issues a 救护员证, valid 3 years.
 */
export const record = action({
  input: trainingInputs.record,
  audience: ['staff'],
  async handler({ signupId, status }, ctx) {
    const { data } = await signups().where({ _id: signupId }).get<SignupDoc>()
    const signup = data[0]
    if (!signup || signup.status === 'cancelled') throw new AppError('NOT_FOUND', '没有找到这条报名')
    await ctx.requireStaffOf(signup.communityId)
    const session = await requireSession(signup.sessionId)
    const decision = decideRecord(signup.status, status, session.date, todayInChina())
    if (!decision.ok) throw new AppError('CONFLICT', decision.message)
    // Only the call that changes the result tells the person (of an exam result, not attendance):
    // a repeated tap tells nobody again.
    let changed = false
    if (!decision.repeat) {
      // Conditional on the status just read: of two staff recording at once only one step lands;
      // the other sees the new status and either repeats it (same step) or is told it changed.
      const { stats } = await signups().where({ _id: signupId, status: decision.from }).update({ data: { status } })
      changed = stats.updated === 1
      if (!changed) {
        const now = (await signups().where({ _id: signupId }).get<SignupDoc>()).data[0]
        if (now?.status !== status) throw new AppError('CONFLICT', '这条报名刚被其他工作人员更新，请刷新后再试')
      }
    }

    let certificate: Certificate | null = null
    if (status === 'passed' && session.kind === 'rescuer') {
      // One certificate per person and session, by its id: a repeated or concurrent "passed"
      // finds the one already issued instead of issuing another.
      const _id = ownedId('ce', `${session._id}:${signup.openid}`)
      const existing = await certificates().where({ _id }).get<CertificateDoc>()
      if (existing.data[0]) certificate = existing.data[0]
      else {
        const today = todayInChina()
        const doc = {
          openid: signup.openid,
          sessionId: session._id,
          sessionTitle: session.title,
          name: signup.name,
          number: await nextCertificateNumber(Number(today.slice(0, 4))),
          issuedOn: today,
          validUntil: dayjs(today).add(CERTIFICATE_YEARS, 'year').subtract(1, 'day').format('YYYY-MM-DD'),
          remindedOn: null,
        }
        try {
          await certificates().add({ data: { _id, ...doc } })
          certificate = { _id, number: doc.number, name: doc.name, issuedOn: doc.issuedOn, validUntil: doc.validUntil, sessionId: doc.sessionId, sessionTitle: doc.sessionTitle }
        } catch (error) {
          if (!isDuplicateKey(error)) throw error
          certificate = (await certificates().where({ _id }).get<CertificateDoc>()).data[0] // issued by a concurrent call
        }
      }
    }
    if (changed && status !== 'attended') {
      await notify(signup.openid, 'training_result', { sessionTitle: session.title, result: status, certificateNumber: certificate?.number, at: new Date() })
    }
    return { _id: signupId, sessionId: signup.sessionId, name: signup.name, phone: signup.phone, status, certificate }
  },
})

/** The caller's 救护员证, newest first. */
export const mine = action({
  input: trainingInputs.certificates,
  audience: 'anyone',
  async handler(_input, { openid }) {
    const { data } = await certificates().where({ openid }).orderBy('issuedOn', 'desc').get<CertificateDoc>()
    return { items: data.map(({ _id, number, name, issuedOn, validUntil, sessionId, sessionTitle }) => ({ _id, number, name, issuedOn, validUntil, sessionId, sessionTitle })) }
  },
})
