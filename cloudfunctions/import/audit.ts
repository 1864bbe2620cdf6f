import type { ImportSummary } from '@/domain/import/contract'
import { KIND_LABELS } from '@/domain/import/kinds'

type Counts = Pick<ImportSummary, 'kind' | 'fileName' | 'total' | 'added' | 'existsCount' | 'badCount' | 'removed'>

/** What the audit trail says of an import's commit or undo: the file and the counts (issue #27). */
export function importAuditSummary(counts: Counts, step: 'commit' | 'undo'): string {
  const what = `${KIND_LABELS[counts.kind]}（${counts.fileName || '未命名文件'}）`
  return step === 'commit'
    ? `导入${what}：共${counts.total}行，新写入${counts.added}行，已存在跳过${counts.existsCount}行，有误未写入${counts.badCount}行`
    : `撤销导入${what}：删除${counts.removed}条，之后有改动而保留${counts.added - counts.removed}条`
}
