import { todayInChina } from '@/domain/dates'
import { AppError } from '@/domain/errors'
import { trainingInputs } from '@/domain/firstaid/training'
import { courseDaysOf } from '@/domain/firstaid/training-record'
import { _, db, isDuplicateKey } from '../../_kit/cloud'
import { applyEarlyVerdicts, checkedPhoto } from '../../_kit/photo-checks'
import { requireOwnFiles } from '../../_kit/uploads'
import { action } from '../../_kit/define-function'
import { notify } from '../../_kit/notify'
import { certificateId, certificates, requireSession, toCertificates, type CertificateDoc } from '../store'
import { requireSignupForStaff, signupWithSession } from './record'
import { changeKey } from '../../_kit/audit'

const KEEPS_NUMBER = '这张救护员证已登记，编号不能更改；如确有错误请联系区红十字会核实'

/**
 * Staff copy the 救护员证 the Red Cross issued to someone who passed a 救护员培训: its number,
 * issuing society and dates, checked in shape. Written once per person and course (a 待补录 one is
 * completed by a conditional update on its number still being empty): a recorded certificate keeps
 * its number, and a retry with the same number answers the same record. A number already recorded
 * for someone else is refused. A photo of the paper certificate is optional, the staff member's own
 * upload, and shown (to the holder and staff) only once its check passed. The holder is told once.
 */
export const recordCertificate = action({
  input: trainingInputs.recordCertificate,
  audience: ['staff'],
  // The sign-up, then its session and any certificate with this number, beside the caller's record.
  preload: ({ signupId, number }) => signupWithSession(signupId, async () => (await certificates().where({ number }).limit(2).get<CertificateDoc>()).data),
  async handler({ signupId, number, issuer, issuedOn, validUntil, photo }, ctx, preloaded) {
    requireOwnFiles(ctx.openid, photo ? [photo] : [])
    const signup = await requireSignupForStaff(signupId, ctx, preloaded.signup)
    const session = await (preloaded.session ?? requireSession(signup.sessionId))
    if (session.kind !== 'rescuer') throw new AppError('CONFLICT', '普及培训不发救护员证')
    if (signup.status !== 'passed') throw new AppError('CONFLICT', '考核通过后，才能登记红十字会颁发的救护员证')
    if (issuedOn > todayInChina()) throw new AppError('INVALID_INPUT', '发证日期不能晚于今天', { issuedOn: '发证日期不能晚于今天' })
    const { last } = courseDaysOf(session)
    if (issuedOn < last) throw new AppError('INVALID_INPUT', `发证日期不能早于培训最后一天（${last}）`, { issuedOn: `发证日期不能早于培训最后一天（${last}）` })

    const _id = certificateId(session._id, signup.openid)
    const sameNumber = preloaded.more ?? []
    if (sameNumber.some((c) => c._id !== _id)) throw new AppError('CONFLICT', '这个证书编号已登记在其他人名下，请核对', { number: '这个证书编号已登记在其他人名下，请核对' })
    // Recorded already with this number (a retry): answered as it is, nothing written, nobody told again.
    const mine = sameNumber.find((c) => c._id === _id)
    if (mine) return { _id: signupId, sessionId: signup.sessionId, communityId: signup.communityId, name: signup.name, phone: signup.phone, status: signup.status, certificate: (await toCertificates([mine]))[0] }

    const read = async () => (await certificates().where({ _id }).get<CertificateDoc>()).data[0]
    // A photo is sent to its check only when this call may still write the record (none yet, or one 待补录).
    const before = photo ? await read() : undefined
    const checked = before?.number ? null : await checkedPhoto(ctx.openid, photo)
    const recorded = { number, issuer, issuedOn, validUntil, communityId: signup.communityId, remindedOn: null, recordedBy: ctx.openid, ...(checked ? { photo: _.set(checked) } : {}) }
    const fresh: CertificateDoc = { _id, openid: signup.openid, sessionId: session._id, sessionTitle: session.title, name: signup.name, number, issuer, issuedOn, validUntil, photo: checked, communityId: signup.communityId, remindedOn: null, recordedBy: ctx.openid }
    let saved: CertificateDoc | undefined
    // The ordinary case is a first record: added at once; one there already (待补录, or recorded meanwhile) is completed or read.
    if (!before?.number) {
      try {
        await certificates().add({ data: { ...fresh, recordedAt: db.serverDate() } })
        saved = fresh
      } catch (error) {
        if (!isDuplicateKey(error)) throw error
        const { stats } = await certificates().where({ _id, number: null }).update({ data: { ...recorded, recordedAt: db.serverDate() } })
        if (stats.updated === 1) saved = { ...((await read()) ?? fresh), number, issuer, issuedOn, validUntil }
      }
    }
    if (saved) {
      const wrote = saved
      // The holder is told once, by the call that wrote it, beside the audit entry.
      ctx.afterwards(() => Promise.all([applyEarlyVerdicts([checked]), notify(signup.openid, 'training_result', { sessionTitle: session.title, result: 'passed', certificateNumber: number, at: new Date() })]))
      return { _id: signupId, sessionId: signup.sessionId, communityId: signup.communityId, name: signup.name, phone: signup.phone, status: signup.status, certificate: (await toCertificates([wrote]))[0] }
    }
    const existing = await read()
    if (!existing || existing.number !== number) throw new AppError('CONFLICT', KEEPS_NUMBER, { number: KEEPS_NUMBER })
    return { _id: signupId, sessionId: signup.sessionId, communityId: signup.communityId, name: signup.name, phone: signup.phone, status: signup.status, certificate: (await toCertificates([existing]))[0] }
  },
  audit: (input, out) => ({ communityId: out.communityId, target: out.certificate._id, summary: `登记救护员证 ${input.number}（有效期至 ${input.validUntil}）`, key: changeKey(out.certificate._id, input) }),
})
