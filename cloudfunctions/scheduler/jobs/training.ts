import dayjs from 'dayjs'
import { todayInChina } from '@/domain/dates'
import { CERTIFICATE_REMINDER_DAYS } from '@/domain/firstaid/training'
import { _ } from '../../_kit/cloud'
import { notify } from '../../_kit/notify'
import { certificates, type CertificateDoc } from '../../training/store'
import { eachWithin, type Budget, type Job } from '../job'

/** Reminds holders of a 救护员证 that lapses within 60 days, once per certificate. */
export const trainingJob: Job = {
  name: 'training',
  cadence: 'daily',
  async run(budget: Budget) {
    const today = todayInChina()
    const horizon = dayjs(today).add(CERTIFICATE_REMINDER_DAYS, 'day').format('YYYY-MM-DD')
    const { data } = await certificates().where({ validUntil: _.gte(today).and(_.lte(horizon)), remindedOn: null }).limit(budget.batch).get<CertificateDoc>()
    return eachWithin(data, budget, async (certificate) => {
      const { stats } = await certificates().where({ _id: certificate._id, remindedOn: null }).update({ data: { remindedOn: today } })
      if (stats.updated === 1) await notify(certificate.openid, 'cert_reminder', { number: certificate.number, validUntil: certificate.validUntil })
      return stats.updated === 1
    })
  },
}
