import { AppError } from '@/domain/errors'
import { importInputs } from '@/domain/import/contract'
import { _ } from '../../_kit/cloud'
import { importAuditSummary } from '../audit'
import { action } from '../../_kit/define-function'
import { imports, loadImport, requireImport, toSummary } from '../imports'
import { planImport } from '../plan'
import { HANDLING } from '../rules'

/**
 * Writes the ok rows of a previewed import, once. The file is read and checked again (the stored
 * data may have changed since the preview); each row lands on its deterministic id, so a second
 * commit, or a retry after a crash half way, adds nothing twice.
 */
export const commit = action({
  input: importInputs.commit,
  audience: ['staff'],
  preload: loadImport,
  async handler({ importId }, ctx, { doc, communityName }) {
    if (!doc) throw new AppError('NOT_FOUND', '没有找到这次导入')
    await ctx.requireStaffOf(doc.communityId)
    if (doc.status === 'committed') return toSummary(doc, await communityName)
    if (doc.status === 'undoing' || doc.status === 'undone') throw new AppError('CONFLICT', '这次导入已撤销，请重新上传文件预览后再导入')
    // A partial history would leave the ledger with a wrong balance: the fund goes in whole or not at all.
    if (doc.kind === 'fund' && doc.badCount > 0) throw new AppError('INVALID_INPUT', `互助金期初要整份文件无误才能导入：还有${doc.badCount}行有误，请改正后重新上传`)
    const handling = HANDLING[doc.kind]
    // Marked as committing while the file is read and checked again (nothing is written before the mark).
    const [, rows] = await Promise.all([
      imports().where({ _id: importId, status: _.in(['previewed', 'committing']) }).update({ data: { status: 'committing' } }),
      planImport({ importId, openid: doc.by, fileID: doc.fileID, kind: doc.kind, communityId: doc.communityId }, handling.rules),
    ])
    await handling.write(rows.filter((r) => r.state === 'ok'), doc)
    const added = await handling.count(doc)
    const committed = { status: 'committed' as const, added, committedAt: new Date() }
    const { stats } = await imports().where({ _id: importId, status: 'committing' }).update({ data: committed })
    // Committed by this call, or by a concurrent one a moment before (then as it stands).
    return toSummary(stats.updated === 1 ? { ...doc, ...committed } : await requireImport(importId), await communityName)
  },
  audit: (_input, out) => ({ communityId: out.communityId, target: out.importId, summary: importAuditSummary(out, 'commit'), key: out.importId }),
})
