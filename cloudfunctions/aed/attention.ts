import { overdueBefore } from '@/domain/aed/inspection'
import { ATTENTION_KINDS, readinessOf, type Readiness } from '@/domain/aed/readiness'
import { todayInChina } from '@/domain/dates'
import { _ } from '../_kit/cloud'
import { aeds, reports, type AedDoc } from './aeds'
import type { Known } from './detail'
import { openReportDocsOf, readinessReportsOf } from './reports'
import { cyclesOf } from './cycles'

/**
 * A community's devices needing attention are a handful; more than this at once is a backlog
 * staff work through from the top, and the list says how many it shows.
 */
export const ATTENTION_LIMIT = 200

/** Out of service first, then those that only warn; by name within each. */
const RANK: Record<Readiness, number> = { out_of_service: 0, warning: 1, ready: 2 }

/**
 * 需要处理: the AEDs of these communities whose readiness is not 设备正常 today. Readiness is
 * computed (src/domain/aed/readiness.ts), not stored, so the query asks for every stored fact it
 * derives from (one indexed branch each: stopped for repair, unverified, pads or battery expired,
 * never or not lately inspected, an open report that speaks against it) and readinessOf decides.
 * With them, what was read to decide (communities, open reports), for showing them (detailsFor).
 */
export async function needingAttention(scope: string[], now = new Date()): Promise<{ aeds: AedDoc[]; known: Known }> {
  if (scope.length === 0) return { aeds: [], known: { cycles: new Map(), open: [] } }
  const today = todayInChina(now)
  const [cycles, reported] = await Promise.all([
    cyclesOf(scope),
    reports()
      .where({ communityId: _.in(scope), status: 'open', kind: _.in(ATTENTION_KINDS) })
      .field({ aedId: true })
      .limit(1000)
      .get<{ aedId: string }>(),
  ])
  const community = { communityId: _.in(scope) }
  const branches: Record<string, unknown>[] = [
    { ...community, status: 'maintenance' },
    { ...community, verified: false },
    { ...community, padsExpiry: _.lt(today) },
    { ...community, batteryExpiry: _.lt(today) },
    { ...community, lastInspection: null },
    ...scope.map((id) => ({ communityId: id, lastInspection: _.lt(overdueBefore(today, cycles.get(id)?.cycle)) })),
  ]
  const reportedIds = [...new Set(reported.data.map((r) => r.aedId))]
  if (reportedIds.length) branches.push({ _id: _.in(reportedIds) })
  const { data } = await aeds().where(_.or(branches)).limit(ATTENTION_LIMIT).get<AedDoc>()
  const open = await openReportDocsOf(data.map((aed) => aed._id))
  const against = readinessReportsOf(open)
  const ranked = data
    .map((aed) => ({ aed, readiness: readinessOf({ ...aed, openReports: against.get(aed._id) ?? [], inspectionCycle: cycles.get(aed.communityId)?.cycle }, today).readiness }))
    .filter(({ readiness }) => readiness !== 'ready')
  ranked.sort((a, b) => RANK[a.readiness] - RANK[b.readiness] || a.aed.name.localeCompare(b.aed.name, 'zh-CN'))
  return { aeds: ranked.map(({ aed }) => aed), known: { cycles, open } }
}
