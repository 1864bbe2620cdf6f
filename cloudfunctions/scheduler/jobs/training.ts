import dayjs from 'dayjs'
import { todayInChina } from '@/domain/dates'
import { CERTIFICATE_REMINDER_DAYS, PENDING_NUMBER_LABEL } from '@/domain/firstaid/training'
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
      if (stats.updated === 1) await notify(certificate.openid, 'cert_reminder', { number: certificate.number ?? PENDING_NUMBER_LABEL, validUntil: certificate.validUntil })
      return stats.updated === 1
    })
  },
}

/** A number the app generated when staff tapped 考核通过 (JHY, the year, a 5-digit sequence), before it stopped making them up. */
const GENERATED_NUMBER = /^JHY\d{9}$/

/**
 * The update path for stations that ran the old app: every 救护员证 number the app generated is
 * moved to 待补录 (number and issuer empty; the generated one kept as `generatedNumber`), until
 * staff record the real one from the Red Cross certificate. Recorded certificates (`recordedBy`)
 * are never touched; each change is conditional on the number still being the generated one, so
 * a second run changes nothing. Runs at any hour: it sends nothing.
 */
export const certificateNumbersJob: Job = {
  name: 'training-numbers',
  cadence: 'daily',
  async run(budget: Budget) {
    const { data } = await certificates()
      .where({ recordedBy: null, number: _.gte('JHY').and(_.lt('JHZ')) })
      .limit(budget.batch)
      .get<CertificateDoc>()
    return eachWithin(data.filter((c) => c.number && GENERATED_NUMBER.test(c.number)), budget, async ({ _id, number }) => {
      const { stats } = await certificates().where({ _id, number, recordedBy: null }).update({ data: { number: null, issuer: null, generatedNumber: number } })
      return stats.updated === 1
    })
  },
}
