import type { AedReport, ReportKind } from '@/domain/aed/contract'
import { db } from '../_kit/cloud'
import { toIso } from '../_kit/dates'
import { notify } from '../_kit/notify'
import { reports } from './aeds'

export type ReportDoc = {
  _id: string
  aedId: string
  aedName: string
  communityId: string
  kind: ReportKind
  note: string
  photo: string | null
  reporterOpenid: string
  status: 'open' | 'resolved'
  resolution?: string
  resolvedBy?: string
  createdAt: Date
}

/** A report as staff see it (who reported is not shown). */
export function toReport(doc: ReportDoc): AedReport {
  return { _id: doc._id, aedId: doc.aedId, aedName: doc.aedName, kind: doc.kind, note: doc.note, photo: doc.photo, status: doc.status, resolution: doc.resolution ?? null, createdAt: toIso(doc.createdAt) }
}

/**
 * Closes one open report with what was found, and tells its reporter. The update is conditional
 * on the report being open, so of two people closing it at once only one tells the reporter.
 */
export async function resolveOne(report: ReportDoc, resolution: string, by: string): Promise<boolean> {
  const { stats } = await reports()
    .where({ _id: report._id, status: 'open' })
    .update({ data: { status: 'resolved', resolution, resolvedAt: db.serverDate(), resolvedBy: by } })
  if (stats.updated !== 1) return false
  await notify(report.reporterOpenid, 'aed_report', { aedId: report.aedId, aedName: report.aedName, kind: report.kind, outcome: 'resolved', resolution, at: new Date() })
  return true
}
