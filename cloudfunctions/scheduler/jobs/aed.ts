import dayjs from 'dayjs'
import { remindersOf } from '@/domain/aed/readiness'
import { todayInChina } from '@/domain/dates'
import { _ } from '../../_kit/cloud'
import { alertKeepers } from '../../aed/alerts'
import { aeds, reports, type AedDoc } from '../../aed/aeds'
import { cyclesOf } from '../../aed/cycles'
import type { ReportDoc } from '../../aed/reports'
import { eachWithin, type Budget, type Job } from '../job'

/** Reports left open this long are raised again. */
const STALE_REPORT_DAYS = 3

/**
 * Tells each AED's guardian and staff about pads or battery expiring within 30 days, an overdue
 * inspection (by its community's cycle), and problem reports left open for 3 days: one message per AED per day at most.
 * `remindedOn` marks every AED looked at today, with or without news, so each run moves on to
 * the next ones and a second run the same day finds none.
 */
export const aedJob: Job = {
  name: 'aed',
  cadence: 'daily',
  async run(budget: Budget) {
    const today = todayInChina()
    const staleBefore = dayjs().subtract(STALE_REPORT_DAYS, 'day').toDate()
    const { data: stale } = await reports().where({ status: 'open', createdAt: _.lt(staleBefore) }).limit(1000).get<ReportDoc>()
    const staleCount = new Map<string, number>()
    for (const report of stale) staleCount.set(report.aedId, (staleCount.get(report.aedId) ?? 0) + 1)

    const { data } = await aeds().where({ verified: true, remindedOn: _.neq(today) }).limit(budget.batch).get<AedDoc>()
    const cycles = await cyclesOf(data.map((aed) => aed.communityId))
    return eachWithin(data, budget, async (aed) => {
      const { stats } = await aeds().where({ _id: aed._id, remindedOn: _.neq(today) }).update({ data: { remindedOn: today } })
      const notes = remindersOf({ ...aed, inspectionCycle: cycles.get(aed.communityId)?.cycle }, today)
      const open = staleCount.get(aed._id)
      if (open) notes.push(`${open}条问题报告超过${STALE_REPORT_DAYS}天未处理`)
      if (stats.updated === 0 || notes.length === 0) return false
      await alertKeepers(aed, notes.join('；'), `reminder|${today}`)
      return true
    })
  },
}
