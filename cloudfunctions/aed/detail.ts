import type { AedDetail } from '@/domain/aed/contract'
import { DEFAULT_INSPECTION_CYCLE, type InspectionCycle } from '@/domain/aed/inspection'
import type { UserDoc } from '@/domain/user/types'
import { toDetail, type AedDoc } from './aeds'
import { cyclesOf } from './cycles'
import { openReportDocsOf, readinessReportsOf, toReports, type ReportDoc } from './reports'

/** Open reports shown in full per AED to those who look after it (the newest). */
const SHOWN_REPORTS = 20

/** Staff of the AED's community, or its guardian (负责人): the people who look after it. */
export function looksAfter(aed: AedDoc, user: UserDoc): boolean {
  return (user.roles.includes('staff') && user.staffCommunityIds.includes(aed.communityId)) || aed.guardianOpenid === user._id
}

/** What a list already read about its AEDs: their communities and their open reports. */
export type Known = { cycles: Map<string, { name: string; cycle: InspectionCycle }>; open: readonly ReportDoc[] }

/**
 * These AEDs in full as this caller may see them, in two reads side by side whatever their number
 * (a list page reads no more than one device: issue 25), or none when the caller read them
 * (`known`): their communities, and their open reports newest first (readiness counts those that
 * speak against a device).
 */
export async function detailsFor(list: readonly AedDoc[], user: UserDoc, known?: Known): Promise<AedDetail[]> {
  if (list.length === 0) return []
  const ids = list.map((aed) => aed._id)
  const [cycles, open] = known ? [known.cycles, known.open] : await Promise.all([cyclesOf(list.map((aed) => aed.communityId)), openReportDocsOf(ids)])
  const openOf = new Map<string, ReportDoc[]>(ids.map((id) => [id, []]))
  for (const report of open) openOf.get(report.aedId)?.push(report)
  const readinessReports = readinessReportsOf(open)
  return Promise.all(
    list.map(async (aed) => {
      const canManage = looksAfter(aed, user)
      const keeping = cycles.get(aed.communityId)
      const mine = openOf.get(aed._id) ?? []
      const shown = canManage ? await toReports(mine.slice(0, SHOWN_REPORTS)) : []
      return toDetail(aed, { communityName: keeping?.name ?? '', inspectionCycle: keeping?.cycle ?? DEFAULT_INSPECTION_CYCLE }, shown, mine.length, readinessReports.get(aed._id) ?? [], canManage)
    }),
  )
}

/** The AED in full as this caller may see it. */
export const detailFor = async (aed: AedDoc, user: UserDoc): Promise<AedDetail> => (await detailsFor([aed], user))[0]
