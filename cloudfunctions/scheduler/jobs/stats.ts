import type { Community } from '@/domain/community/types'
import { todayInChina } from '@/domain/dates'
import { _, collections, db } from '../../_kit/cloud'
import { recompute } from '../../stats/recompute'
import { statsDocs, statsId, type StatsDoc } from '../../stats/store'
import { eachWithin, type Budget, type Job } from '../job'

/** How old a community's figures may grow before they are derived again. */
export const STATS_MAX_AGE_MS = 60 * 60 * 1000

/**
 * 家园数据: each community's figures of the year are derived again from the data once they are an
 * hour old (a new community's within five minutes), with counts served by indexes: about a dozen
 * reads and one write a community an hour, plus two reads a run to find who is due — for the
 * three demo stations some 1,450 reads and 72 writes a day, about 3% of the 基础版 quota (#25).
 * Views read the result once, never the data itself.
 */
export const statsJob: Job = {
  name: 'stats',
  cadence: 'often',
  async run(budget: Budget) {
    const now = new Date()
    const year = Number(todayInChina(now).slice(0, 4))
    const { data: communities } = await db.collection(collections.communities).limit(budget.batch).get<Community>()
    const { data: docs } = await statsDocs()
      .where({ _id: _.in(communities.map((c) => statsId(c._id, year))) })
      .field({ computedAt: true })
      .get<Pick<StatsDoc, '_id' | 'computedAt'>>()
    const computed = new Map(docs.map((d) => [d._id, d.computedAt ? new Date(d.computedAt).getTime() : 0]))
    const due = communities.filter((c) => now.getTime() - (computed.get(statsId(c._id, year)) ?? 0) >= STATS_MAX_AGE_MS)
    return eachWithin(due, budget, async (community) => {
      await recompute(community, year, now)
      return true
    })
  },
}
