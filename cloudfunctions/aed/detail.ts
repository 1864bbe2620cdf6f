import type { AedDetail } from '@/domain/aed/contract'
import { DEFAULT_INSPECTION_CYCLE } from '@/domain/aed/inspection'
import type { UserDoc } from '@/domain/user/types'
import { _ } from '../_kit/cloud'
import { openReportsOf, reports, toDetail, type AedDoc } from './aeds'
import { cyclesOf } from './cycles'
import { toReports, type ReportDoc } from './reports'

/** Open reports shown in full per AED to those who look after it (the newest). */
const SHOWN_REPORTS = 20
/** Open reports one read fetches for a whole page of AEDs. */
const OPEN_REPORTS_READ = 1000

/** Staff of the AED's community, or its guardian (负责人): the people who look after it. */
export function looksAfter(aed: AedDoc, user: UserDoc): boolean {
  return (user.roles.includes('staff') && user.staffCommunityIds.includes(aed.communityId)) || aed.guardianOpenid === user._id
}

/**
 * These AEDs in full as this caller may see them, in three reads side by side whatever their
 * number (a list page reads no more than one device: issue 25): their communities, their open
 * reports newest first, and the open reports readiness counts.
 */
export async function detailsFor(list: readonly AedDoc[], user: UserDoc): Promise<AedDetail[]> {
  if (list.length === 0) return []
  const ids = list.map((aed) => aed._id)
  const [cycles, open, readinessReports] = await Promise.all([
    cyclesOf(list.map((aed) => aed.communityId)),
    reports().where({ aedId: _.in(ids), status: 'open' }).orderBy('createdAt', 'desc').limit(OPEN_REPORTS_READ).get<ReportDoc>(),
    openReportsOf(ids),
  ])
  const openOf = new Map<string, ReportDoc[]>(ids.map((id) => [id, []]))
  for (const report of open.data) openOf.get(report.aedId)?.push(report)
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
