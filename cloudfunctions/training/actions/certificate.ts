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
import { requireSignupForStaff } from './record'
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
  async handler({ signupId, number, issuer, issuedOn, validUntil, photo }, ctx) {
    requireOwnFiles(ctx.openid, photo ? [photo] : [])
    const signup = await requireSignupForStaff(signupId, ctx)
    const session = await requireSession(signup.sessionId)
    if (session.kind !== 'rescuer') throw new AppError('CONFLICT', '普及培训不发救护员证')
    if (signup.status !== 'passed') throw new AppError('CONFLICT', '考核通过后，才能登记红十字会颁发的救护员证')
    if (issuedOn > todayInChina()) throw new AppError('INVALID_INPUT', '发证日期不能晚于今天', { issuedOn: '发证日期不能晚于今天' })
    const { last } = courseDaysOf(session)
    if (issuedOn < last) throw new AppError('INVALID_INPUT', `发证日期不能早于培训最后一天（${last}）`, { issuedOn: `发证日期不能早于培训最后一天（${last}）` })

    const _id = certificateId(session._id, signup.openid)
    const { data: sameNumber } = await certificates().where({ number }).limit(2).get<CertificateDoc>()
    if (sameNumber.some((c) => c._id !== _id)) throw new AppError('CONFLICT', '这个证书编号已登记在其他人名下，请核对', { number: '这个证书编号已登记在其他人名下，请核对' })

    const read = async () => (await certificates().where({ _id }).get<CertificateDoc>()).data[0]
    let existing = await read()
    // A photo is sent to its check only when this call may still write the record.
    const checked = existing?.number ? null : await checkedPhoto(ctx.openid, photo)
    const recorded = { number, issuer, issuedOn, validUntil, communityId: signup.communityId, remindedOn: null, recordedBy: ctx.openid, ...(checked ? { photo: _.set(checked) } : {}) }
    let wrote = false
    if (!existing) {
      try {
        await certificates().add({ data: { _id, openid: signup.openid, sessionId: session._id, sessionTitle: session.title, name: signup.name, ...recorded, photo: checked, recordedAt: db.serverDate() } })
        wrote = true
      } catch (error) {
        if (!isDuplicateKey(error)) throw error
      }
    } else if (!existing.number) {
      wrote = (await certificates().where({ _id, number: null }).update({ data: { ...recorded, recordedAt: db.serverDate() } })).stats.updated === 1
    }
    existing = await read()
    if (!existing || existing.number !== number) throw new AppError('CONFLICT', KEEPS_NUMBER, { number: KEEPS_NUMBER })
    if (wrote) await applyEarlyVerdicts([checked])
    if (wrote) await notify(signup.openid, 'training_result', { sessionTitle: session.title, result: 'passed', certificateNumber: number, at: new Date() })
    return { _id: signupId, sessionId: signup.sessionId, name: signup.name, phone: signup.phone, status: signup.status, certificate: (await toCertificates([existing]))[0] }
  },
  audit: async (input, out) => ({ communityId: (await requireSession(out.sessionId)).communityId, target: out.certificate._id, summary: `登记救护员证 ${input.number}（有效期至 ${input.validUntil}）`, key: changeKey(out.certificate._id, input) }),
})
