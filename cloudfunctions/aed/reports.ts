import type { AedReport, ReportKind, ReportStatus } from '@/domain/aed/contract'
import type { Standing } from '@/domain/aed/standing'
import { AppError } from '@/domain/errors'
import { ATTENTION_KINDS, type OpenReport } from '@/domain/aed/readiness'
import { _, db } from '../_kit/cloud'
import { toIso } from '../_kit/dates'
import { ownedId } from '../_kit/ids'
import type { NotifyPayloads } from '@/domain/notify/kinds'
import { notify, notifyEach, type NotifySettingsDoc } from '../_kit/notify'
import { mapWithCap } from '../_kit/parallel'
import { reports } from './aeds'
import { isPending, shownPhotoUrls, type CheckedPhoto } from '../_kit/photo-checks'

export type ReportDoc = {
  _id: string
  aedId: string
  aedName: string
  communityId: string
  kind: ReportKind
  note: string
  photo: CheckedPhoto | null
  reporterOpenid: string
  /** Why the reporter's word counts when they reported; absent on reports stored before it was recorded (read as none). */
  standing?: Standing | null
  /** How many reports of this kind on this AED the reporter made before: part of the `_id` (reportIdOf). */
  round: number
  status: ReportStatus
  resolution?: string
  resolvedBy?: string
  createdAt: Date
}

/**
 * The `_id` of a person's `round`-th report of one kind on one AED. A repeat while the last one is
 * open, or a double tap racing it, lands on the same `_id` and so can never add a second report.
 */
export const reportIdOf = (openid: string, aedId: string, kind: ReportKind, round: number): string => `${ownedId('rp', `${openid}\n${aedId}\n${kind}`)}-${round}`

/** The person's latest report of this kind on this AED, if any: only that one can still be open. */
export async function latestReportOf(openid: string, aedId: string, kind: ReportKind): Promise<ReportDoc | undefined> {
  const { data } = await reports().where({ reporterOpenid: openid, aedId, kind }).orderBy('round', 'desc').limit(1).get<ReportDoc>()
  return data[0]
}

/** Open reports one read fetches for a list of AEDs (a page, or those needing attention). */
const OPEN_REPORTS_READ = 1000

/** The open reports of these AEDs, newest first, in one request: what a list shows and what readiness counts. */
export async function openReportDocsOf(aedIds: string[]): Promise<ReportDoc[]> {
  if (aedIds.length === 0) return []
  const { data } = await reports().where({ aedId: _.in(aedIds), status: 'open' }).orderBy('createdAt', 'desc').limit(OPEN_REPORTS_READ).get<ReportDoc>()
  return data
}

/** Per AED, the open reports that speak against it (as `openReportsOf` answers them), from its open reports. */
export function readinessReportsOf(open: readonly ReportDoc[]): Map<string, OpenReport[]> {
  const found = new Map<string, OpenReport[]>()
  for (const { aedId, kind, standing } of open) {
    if (!ATTENTION_KINDS.includes(kind)) continue
    found.set(aedId, [...(found.get(aedId) ?? []), { kind, confirmed: !!standing }])
  }
  return found
}

export async function findReport(reportId: string): Promise<ReportDoc | undefined> {
  const { data } = await reports().where({ _id: reportId }).limit(1).get<ReportDoc>()
  return data[0]
}

export async function requireReport(reportId: string): Promise<ReportDoc> {
  const found = await findReport(reportId)
  if (!found) throw new AppError('NOT_FOUND', '没有找到这条报告')
  return found
}

/** Reports as those who look after the AED see them (who reported is not shown; a photo only once it passed its check). */
export async function toReports(docs: ReportDoc[]): Promise<AedReport[]> {
  const photos = await shownPhotoUrls(docs.map((doc) => doc.photo))
  return docs.map((doc, i) => ({
    _id: doc._id,
    aedId: doc.aedId,
    aedName: doc.aedName,
    communityId: doc.communityId,
    kind: doc.kind,
    note: doc.note,
    photo: photos[i],
    photoChecking: isPending(doc.photo),
    status: doc.status,
    resolution: doc.resolution ?? null,
    standing: doc.standing ?? null,
    createdAt: toIso(doc.createdAt),
  }))
}

export const toReport = async (doc: ReportDoc): Promise<AedReport> => (await toReports([doc]))[0]

/** Conditional updates an inspection keeps in flight while closing a device's reports. */
const CLOSES_AT_ONCE = 20

type Closing = { status: Exclude<ReportStatus, 'open'>; resolution: string; by: string }

/** Closes a report still open (a conditional update): true for the one caller that closed it. */
async function markClosed(report: ReportDoc, { status, resolution, by }: Closing): Promise<boolean> {
  const { stats } = await reports()
    .where({ _id: report._id, status: 'open' })
    .update({ data: { status, resolution, resolvedAt: db.serverDate(), resolvedBy: by } })
  return stats.updated === 1
}

const closedNote = (report: ReportDoc, resolution: string): NotifyPayloads['aed_report'] => ({
  aedId: report.aedId,
  aedName: report.aedName,
  kind: report.kind,
  outcome: 'resolved',
  resolution,
  at: new Date(),
})

/**
 * Closes one open report (`resolved` with what was found, or `dismissed` as unfounded) and tells
 * its reporter. The update is conditional on the report being open, so of two people closing it
 * at once only one tells the reporter; `alongside` are the closing's own follow-ups (its caller's);
 * `settings`: the reporter's message settings, when the caller read them beside its own reads.
 */
export async function closeOne(
  report: ReportDoc,
  status: Exclude<ReportStatus, 'open'>,
  resolution: string,
  by: string,
  { alongside, settings }: { alongside?: () => Promise<unknown>; settings?: NotifySettingsDoc | null } = {},
): Promise<boolean> {
  if (!(await markClosed(report, { status, resolution, by }))) return false
  // The reporter is told side by side with the closing's other writes (`alongside`).
  await Promise.all([notify(report.reporterOpenid, 'aed_report', closedNote(report, resolution), { settings }), alongside?.()])
  return true
}

/**
 * Closes many reports at once (an inspection answers them all) and tells their reporters as one
 * fan-out; answers the reports this call closed (not those a concurrent call closed first).
 * `alongside`: the caller's follow-ups of what was closed, beside the fan-out.
 */
export async function closeAll(open: ReportDoc[], status: Exclude<ReportStatus, 'open'>, resolution: string, by: string, alongside?: (closed: ReportDoc[]) => Promise<unknown>): Promise<ReportDoc[]> {
  const closed = (await mapWithCap(open, CLOSES_AT_ONCE, async (report) => ((await markClosed(report, { status, resolution, by })) ? [report] : []))).flat()
  await Promise.all([
    notifyEach(
      'aed_report',
      closed.map((report) => ({ _id: ownedId('rc', report._id), openid: report.reporterOpenid, payload: closedNote(report, resolution) })),
    ),
    alongside?.(closed),
  ])
  return closed
}
