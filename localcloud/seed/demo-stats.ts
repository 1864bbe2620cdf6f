import { todayInChina } from '@/domain/dates'
import { EMPTY_FIGURES, type Targets } from '@/domain/stats/figures'
import { DEMO_COMMUNITIES } from './demo-data'

/**
 * The district's yearly targets for the three demo stations. The seeds report 柯桥区's year: 1,435
 * 初级救护员 trained = 51.79% and 26,676 people reached = 96.29% of the year's targets, i.e. targets
 * of 2,771 and 27,704 for the district; here the three stations share them, so the district table
 * shows the seeds' totals. The other targets follow each station's size in the seeds (港越 58
 * members and 120 volunteers; 大渡 920 online volunteers).
 */
export const DEMO_TARGETS: Record<string, Targets> = {
  gangyue: { members: 80, volunteers: 150, hours: 2000, rescuers: 671, reached: 6704, aeds: 5 },
  yulan: { members: 200, volunteers: 300, hours: 3000, rescuers: 900, reached: 9000, aeds: 8 },
  dadu: { members: 500, volunteers: 1000, hours: 8000, rescuers: 1200, reached: 12000, aeds: 20 },
}

/** This year's 家园数据 documents with the targets, wanted: the scheduler's next hourly run fills in the figures. */
export function demoStats(now: Date) {
  const year = Number(todayInChina(now).slice(0, 4))
  return DEMO_COMMUNITIES.map((c) => ({
    _id: `${c._id}:${year}`,
    communityId: c._id,
    communityName: c.name,
    district: c.district,
    year,
    figures: { ...EMPTY_FIGURES },
    hoursByMonth: Array.from({ length: 12 }, () => 0),
    targets: DEMO_TARGETS[c._id] ?? {},
    nextActivities: [],
    computedAt: null,
    wanted: true,
  }))
}
