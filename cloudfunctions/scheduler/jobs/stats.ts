import type { Community } from '@/domain/community/types'
import { todayInChina } from '@/domain/dates'
import { collections, db } from '../../_kit/cloud'
import { recompute } from '../../stats/recompute'
import { statsDocs, type StatsDoc } from '../../stats/store'
import { eachWithin, type Budget, type Job } from '../job'

const yearOf = (now: Date) => Number(todayInChina(now).slice(0, 4))

/**
 * 家园数据, daily: every community's figures of the year derived again from the data with counts
 * served by indexes (about 16 requests a community). Views read the result once, never the data.
 */
export const statsJob: Job = {
  name: 'stats',
  cadence: 'daily',
  async run(budget: Budget) {
    const now = new Date()
    const { data } = await db.collection(collections.communities).limit(budget.batch).get<Community>()
    return eachWithin(data, budget, async (community) => {
      await recompute(community, yearOf(now), now)
      return true
    })
  },
}

/**
 * 家园数据 on demand, hourly: only the communities whose figures someone viewed when they were an
 * hour old (`wanted`, stats/store). A station nobody looks at costs one read an hour, not a
 * recompute (#25: the hourly recompute of every community was most of an idle day's reads).
 */
export const wantedStatsJob: Job = {
  name: 'stats-wanted',
  cadence: 'hourly',
  async run(budget: Budget) {
    const now = new Date()
    const { data } = await statsDocs().where({ wanted: true }).limit(budget.batch).get<StatsDoc>()
    return eachWithin(data, budget, async (doc) => {
      await recompute({ _id: doc.communityId, name: doc.communityName, district: doc.district }, doc.year, now)
      return true
    })
  },
}
