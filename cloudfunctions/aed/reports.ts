import type { AedReport, ReportKind } from '@/domain/aed/contract'
import { toIso } from '../_kit/dates'

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
  createdAt: Date
}

/** A report as staff see it (who reported is not shown). */
export function toReport(doc: ReportDoc): AedReport {
  return { _id: doc._id, aedId: doc.aedId, aedName: doc.aedName, kind: doc.kind, note: doc.note, photo: doc.photo, status: doc.status, createdAt: toIso(doc.createdAt) }
}
