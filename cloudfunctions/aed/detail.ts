import type { AedDetail } from '@/domain/aed/contract'
import { DEFAULT_INSPECTION_CYCLE } from '@/domain/aed/inspection'
import type { UserDoc } from '@/domain/user/types'
import { openReportsOf, reports, toDetail, type AedDoc } from './aeds'
import { cyclesOf } from './cycles'
import { toReports, type ReportDoc } from './reports'

/** Staff of the AED's community, or its guardian (负责人): the people who look after it. */
export function looksAfter(aed: AedDoc, user: UserDoc): boolean {
  return (user.roles.includes('staff') && user.staffCommunityIds.includes(aed.communityId)) || aed.guardianOpenid === user._id
}

/** The AED in full as this caller may see it. */
export async function detailFor(aed: AedDoc, user: UserDoc): Promise<AedDetail> {
  const [cycles, open, readinessReports] = await Promise.all([
    cyclesOf([aed.communityId]),
    reports().where({ aedId: aed._id, status: 'open' }).orderBy('createdAt', 'desc').limit(20).get<ReportDoc>(),
    openReportsOf([aed._id]),
  ])
  const canManage = looksAfter(aed, user)
  const keeping = cycles.get(aed.communityId)
  return toDetail(aed, { communityName: keeping?.name ?? '', inspectionCycle: keeping?.cycle ?? DEFAULT_INSPECTION_CYCLE }, canManage ? await toReports(open.data) : [], open.data.length, readinessReports.get(aed._id) ?? [], canManage)
}
