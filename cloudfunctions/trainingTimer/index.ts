import dayjs from 'dayjs'
import { todayInChina } from '@/domain/dates'
import { CERTIFICATE_REMINDER_DAYS } from '@/domain/firstaid/training'
import { _, cloud } from '../_kit/cloud'
import { notify } from '../_kit/notify'
import { certificates, type CertificateDoc } from '../training/store'

/**
 * Daily (config.json): reminds holders of a 救护员证 that lapses within 60 days, once per
 * certificate. Callers from the app (with an OPENID) are refused.
 */
export async function main(): Promise<{ ok: boolean; reminded?: number }> {
  if (cloud.getWXContext().OPENID) return { ok: false }
  try {
    const today = todayInChina()
    const horizon = dayjs(today).add(CERTIFICATE_REMINDER_DAYS, 'day').format('YYYY-MM-DD')
    const { data } = await certificates().where({ validUntil: _.gte(today).and(_.lte(horizon)), remindedOn: null }).limit(500).get<CertificateDoc>()
    for (const certificate of data) {
      const { stats } = await certificates().where({ _id: certificate._id, remindedOn: null }).update({ data: { remindedOn: today } })
      if (stats.updated === 1) await notify(certificate.openid, 'cert_reminder', { number: certificate.number, validUntil: certificate.validUntil })
    }
    return { ok: true, reminded: data.length }
  } catch (error) {
    console.error('[trainingTimer] failed', error instanceof Error ? error.stack : error)
    return { ok: false }
  }
}
