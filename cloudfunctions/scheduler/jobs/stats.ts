import type { Community } from '@/domain/community/types'
import { todayInChina } from '@/domain/dates'
import { collections, db } from '../../_kit/cloud'
import { recompute } from '../../stats/recompute'
import { eachWithin, type Budget, type Job } from '../job'

/**
 * 家园数据: every hour, each community's figures of the year are derived again from the data with
 * counts served by indexes: about a dozen reads and one write a community (for the three demo
 * stations some 950 reads and 72 writes a day, about 2% of the 基础版 reads, #25). Views read
 * the result once, never the data itself.
 */
export const statsJob: Job = {
  name: 'stats',
  cadence: 'hourly',
  async run(budget: Budget) {
    const now = new Date()
    const year = Number(todayInChina(now).slice(0, 4))
    const { data } = await db.collection(collections.communities).limit(budget.batch).get<Community>()
    return eachWithin(data, budget, async (community) => {
      await recompute(community, year, now)
      return true
    })
  },
}
