import { KIND_LABELS } from '@/domain/import/kinds'
import type { ImportDoc } from './imports'

/** What the audit trail records of one step of an import: who, which community, which file, the counts. */
export type ImportAuditEntry = {
  action: 'import.commit' | 'import.undo'
  communityId: string
  actor: string
  actorName: string
  at: Date
  targetId: string
  fileID: string
  summary: string
}

/**
 * The audit entry of an import's commit or undo (issue #27: every import is in the audit trail with
 * its file and counts). The audit trail's writer takes it as it is.
 */
export function auditEntryOf(doc: ImportDoc, step: 'commit' | 'undo', at = new Date()): ImportAuditEntry {
  const what = `${KIND_LABELS[doc.kind]}（${doc.fileName || '未命名文件'}）`
  const summary =
    step === 'commit'
      ? `导入${what}：共${doc.total}行，新写入${doc.added}行，已存在跳过${doc.existsCount}行，有误未写入${doc.badCount}行`
      : `撤销导入${what}：删除${doc.removed}条，之后有改动而保留${doc.added - doc.removed}条`
  return { action: `import.${step}`, communityId: doc.communityId, actor: step === 'undo' ? (doc.undoneBy ?? doc.by) : doc.by, actorName: step === 'undo' ? (doc.undoneByName ?? doc.byName) : doc.byName, at, targetId: doc._id, fileID: doc.fileID, summary }
}
