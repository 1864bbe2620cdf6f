import { todayInChina } from '@/domain/dates'
import { _ } from '../../_kit/cloud'
import { certificates, sessions, signups, type SignupDoc } from '../../training/store'
import { eachPage, ERASED_OPENID } from './erased'

/**
 * 救护培训: a place in a session still to come is given back (the sign-up is cancelled first, by a
 * conditional update, so a retry gives it back once); every sign-up stays for the number of people
 * trained, without name, phone or openid. Their 救护员证 records are removed.
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
  await certificates().where({ openid }).remove()
}
