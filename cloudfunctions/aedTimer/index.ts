import dayjs from 'dayjs'
import { remindersOf } from '@/domain/aed/readiness'
import { todayInChina } from '@/domain/dates'
import { _, cloud } from '../_kit/cloud'
import { alertKeepers } from '../aed/alerts'
import { aeds, reports, type AedDoc } from '../aed/aeds'
import type { ReportDoc } from '../aed/reports'

const BATCH = 500
/** Reports left open this long are raised again. */
const STALE_REPORT_DAYS = 3

/**
 * Daily (config.json): tells each AED's guardian and staff about pads or battery expiring within
 * 30 days, an overdue inspection, and problem reports left open for 3 days. One message per AED
 * per day at most. Callers from the app (with an OPENID) are refused.
 */
export async function main(): Promise<{ ok: boolean; reminded?: number }> {
  if (cloud.getWXContext().OPENID) return { ok: false }
  try {
    const today = todayInChina()
    const staleBefore = dayjs().subtract(STALE_REPORT_DAYS, 'day').toDate()
    const { data: stale } = await reports().where({ status: 'open', createdAt: _.lt(staleBefore) }).limit(BATCH).get<ReportDoc>()
    const staleCount = new Map<string, number>()
    for (const report of stale) staleCount.set(report.aedId, (staleCount.get(report.aedId) ?? 0) + 1)

    const { data } = await aeds().where({ verified: true, remindedOn: _.neq(today) }).limit(BATCH).get<AedDoc>()
    let reminded = 0
    for (const aed of data) {
      const notes = remindersOf(aed, today)
      const open = staleCount.get(aed._id)
      if (open) notes.push(`${open}条问题报告超过${STALE_REPORT_DAYS}天未处理`)
      if (notes.length === 0) continue
      await aeds().where({ _id: aed._id }).update({ data: { remindedOn: today } })
      await alertKeepers(aed, notes.join('；'))
      reminded += 1
    }
    return { ok: true, reminded }
  } catch (error) {
    console.error('[aedTimer] failed', error instanceof Error ? error.stack : error)
    return { ok: false }
  }
}
