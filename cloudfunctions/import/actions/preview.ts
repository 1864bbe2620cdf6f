import { importInputs, type PreviewRow } from '@/domain/import/contract'
import { AppError } from '@/domain/errors'
import { communityNames } from '../../_kit/communities'
import { action } from '../../_kit/define-function'
import { imports, newImportId, toSummary, type ImportDoc } from '../imports'
import { planImport } from '../plan'
import { HANDLING } from '../rules'

/** Bad rows shown at most (a file with more has a wrong column, not 1,000 typing errors), and ok rows shown as a sample. */
export const MAX_SHOWN_BAD = 1_000
const SHOWN_OK = 20
/**
 * Rows a commit writes a second, measured by `import-scale.test.ts` at 5,000 AEDs with the database's
 * 1–8 ms per request (README, bench): what the preview promises staff.
 */
export const COMMIT_ROWS_PER_SECOND = 300

/** Every row checked and counted; only the record of this preview is stored, none of the rows. */
export const preview = action({
  input: importInputs.preview,
  audience: ['staff'],
  // The community is read beside the caller's own record.
  preload: ({ communityId }) => communityNames([communityId]),
  async handler({ fileID, fileName, kind, communityId }, ctx, names) {
    const staff = await ctx.requireStaffOf(communityId)
    const communityName = names.get(communityId)
    if (communityName === undefined) throw new AppError('INVALID_INPUT', '请选择所在社区', { communityId: '请选择所在社区' })
    const importId = newImportId()
    const name = fileName || fileID.split('/').pop() || ''
    const rows = await planImport({ importId, openid: ctx.openid, fileID, kind, communityId }, HANDLING[kind].rules)
    const count = (state: PreviewRow['state']) => rows.filter((r) => r.state === state).length
    const doc: ImportDoc = {
      _id: importId,
      kind,
      communityId,
      fileID,
      fileName: name,
      status: 'previewed',
      total: rows.length,
      okCount: count('ok'),
      existsCount: count('exists'),
      badCount: count('bad'),
      added: 0,
      removed: 0,
      by: ctx.openid,
      byName: staff.displayName,
      createdAt: new Date(),
      committedAt: null,
      undoneAt: null,
      undoneBy: null,
      undoneByName: null,
    }
    await imports().add({ data: doc })
    const shown = [...rows.filter((r) => r.state === 'bad').slice(0, MAX_SHOWN_BAD), ...rows.filter((r) => r.state !== 'bad').slice(0, SHOWN_OK)]
    return {
      ...toSummary(doc, communityName),
      rows: shown.sort((a, b) => a.row - b.row).map(({ row, state, label, errors }) => ({ row, state, label, errors })),
      estimatedSeconds: Math.max(1, Math.ceil(doc.okCount / COMMIT_ROWS_PER_SECOND)),
    }
  },
  audit: 'read',
})
