import type { Community } from '@/domain/community/types'
import { todayInChina } from '@/domain/dates'
import { _, collections, db } from '../../_kit/cloud'
import { readCursor, saveCursor } from '../../_kit/job-marks'
import { recompute } from '../../stats/recompute'
import { statsDocs, type StatsDoc } from '../../stats/store'
import { eachWithin, nextDailyRun, type Budget, type Job } from '../job'

const yearOf = (now: Date) => Number(todayInChina(now).slice(0, 4))

/**
 * 家园数据, daily from 09:00: every community's figures of the year derived again from the data with
 * counts served by indexes (about 16 requests a community). Views read the result once, never the
 * data. A district of hundreds of communities takes several runs: the sweep goes in `_id` order
 * and keeps its place on the job's mark, which stays due until the day's sweep is through and then
 * sleeps until the next 09:00.
 */
export const statsJob: Job = {
  name: 'stats',
  cadence: 'often',
  async run(budget: Budget) {
    const now = new Date()
    const day = todayInChina(now)
    const after = await readCursor('stats', day)
    const { data } = await db.collection(collections.communities).where({ _id: _.gt(after) }).orderBy('_id', 'asc').limit(budget.batch).get<Community>()
    let reached = after
    // One at a time, so the place kept is the last community done.
    const result = await eachWithin(data, budget, async (community) => {
      await recompute(community, yearOf(now), now)
      reached = community._id
      return true
    })
    if (reached !== after) await saveCursor('stats', { day, after: reached })
    return result
  },
  next: async () => nextDailyRun(new Date()),
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
