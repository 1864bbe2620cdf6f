import { todayInChina } from '@/domain/dates'
import { _ } from '../../_kit/cloud'
import { certificates, sessions, signups, type CertificateDoc, type SignupDoc } from '../../training/store'
import { deleteFiles, eachPage, ERASED_OPENID } from './erased'

/**
 * 救护培训: a place in a session still to come is given back (the sign-up is cancelled first, by a
 * conditional update, so a retry gives it back once); every sign-up stays for the number of people
 * trained, without name, phone or openid. Their 救护员证 records and photos are removed; those they
 * recorded as staff stay without their openid.
 */
export async function eraseFromTraining(openid: string): Promise<void> {
  const today = todayInChina()
  await eachPage(
    async () => (await signups().where({ openid }).limit(50).get<SignupDoc & { date?: string }>()).data,
    async (signup) => {
      const { data } = await sessions().where({ _id: signup.sessionId }).field({ date: true }).get<{ date: string }>()
      if (signup.status === 'signed' && (data[0]?.date ?? '') >= today) {
        const { stats } = await signups().where({ _id: signup._id, status: 'signed' }).update({ data: { status: 'cancelled' } })
        if (stats.updated === 1) await sessions().where({ _id: signup.sessionId }).update({ data: { seatsLeft: _.inc(1) } })
      }
      await signups().where({ _id: signup._id }).update({ data: { openid: ERASED_OPENID, name: '', phone: '' } })
    },
  )
  // Their 救护员证 go, with the photo of the paper certificate.
  const { data: held } = await certificates().where({ openid }).field({ photo: true }).limit(100).get<CertificateDoc>()
  await deleteFiles(held.map((certificate) => certificate.photo?.fileID))
  await certificates().where({ openid }).remove()
  // Certificates they recorded as staff stay, without who recorded or photographed them.
  await eachPage(
    async () => (await certificates().where({ recordedBy: openid }).limit(50).get<CertificateDoc>()).data,
    async (certificate) => {
      await certificates().where({ _id: certificate._id }).update({ data: { recordedBy: ERASED_OPENID, ...(certificate.photo ? { photo: { openid: ERASED_OPENID } } : {}) } })
    },
  )
}
