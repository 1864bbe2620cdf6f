import { AppError } from '@/domain/errors'
import { importInputs } from '@/domain/import/contract'
import { UNDO_WINDOW_HOURS } from '@/domain/import/kinds'
import { _ } from '../../_kit/cloud'
import { importAuditSummary } from '../audit'
import { action } from '../../_kit/define-function'
import { imports, loadImport, requireImport, toSummary, undoDeadline } from '../imports'
import { HANDLING } from '../rules'

/**
 * Within 24 h of its commit, removes what an import added, except what changed since (an AED
 * inspected or corrected, a person already linked): those stay, and the answer says how many.
 */
export const undo = action({
  input: importInputs.undo,
  audience: ['staff'],
  preload: loadImport,
  async handler({ importId }, ctx, { doc, communityName }) {
    if (!doc) throw new AppError('NOT_FOUND', '没有找到这次导入')
    const staff = await ctx.requireStaffOf(doc.communityId)
    if (doc.status === 'undone') return toSummary(doc, await communityName)
    const handling = HANDLING[doc.kind]
    if (!handling.undo) throw new AppError('CONFLICT', '互助金账目记入后不能删除（两公开：账目只增不改），如有错误请在互助金中冲正')
    if (doc.status !== 'committed' && doc.status !== 'undoing') throw new AppError('CONFLICT', '这次导入还没有写入，无需撤销')
    const deadline = undoDeadline(doc)
    if (doc.status === 'committed' && (!deadline || deadline <= new Date())) throw new AppError('CONFLICT', `导入已超过${UNDO_WINDOW_HOURS}小时，不能再撤销`)
    await imports().where({ _id: importId, status: _.in(['committed', 'undoing']) }).update({ data: { status: 'undoing', undoneBy: ctx.openid, undoneByName: staff.displayName } })
    await handling.undo(doc)
    const left = await handling.count(doc)
    const undone = { status: 'undone' as const, removed: doc.added - left, undoneAt: new Date(), undoneBy: ctx.openid, undoneByName: staff.displayName }
    const { stats } = await imports().where({ _id: importId, status: 'undoing' }).update({ data: { status: undone.status, removed: undone.removed, undoneAt: undone.undoneAt } })
    // Undone by this call, or by a concurrent one a moment before (then as it stands).
    return toSummary(stats.updated === 1 ? { ...doc, ...undone } : await requireImport(importId), await communityName)
  },
  audit: (_input, out) => ({ communityId: out.communityId, target: out.importId, summary: importAuditSummary(out, 'undo'), key: `${out.importId}:undo` }),
})
