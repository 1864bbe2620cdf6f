import { formatChinaDate } from '@/domain/dates'
import { _ } from '../../_kit/cloud'
import { communityNames } from '../../_kit/communities'
import { ledger, type LedgerDoc } from '../../_kit/ledger'
import { eachWithin, type Budget, type Job } from '../job'

/**
 * Update path for ledgers written before entries were records of service: each such entry gets
 * the day it was credited as its service date (the best the old record knows), its community as
 * the place and its title as the content (民政部令第67号 2020 第八条). Runs until none is left; a
 * second run finds nothing. Totals and boards are not moved: they were bucketed by the same day.
 */
export const ledgerJob: Job = {
  name: 'ledger',
  cadence: 'daily',
  async run(budget: Budget) {
    const { data } = await ledger().where({ serviceDate: _.exists(false) }).limit(budget.batch).get<Omit<LedgerDoc, 'serviceDate'>>()
    const names = await communityNames(data.map((d) => d.communityId))
    return eachWithin(
      data,
      budget,
      async (entry) => {
        const serviceDate = formatChinaDate(entry.at)
        const { stats } = await ledger()
          .where({ _id: entry._id, serviceDate: _.exists(false) })
          .update({ data: { serviceFrom: serviceDate, serviceDate, place: names.get(entry.communityId) ?? '', content: entry.source === 'correction' ? entry.reason : entry.title } })
        return stats.updated === 1
      },
      { atOnce: 5 },
    )
  },
}
