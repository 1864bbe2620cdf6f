import { importInputs } from '@/domain/import/contract'
import { COLUMNS, EXAMPLES, KIND_LABELS } from '@/domain/import/kinds'
import { AppError } from '@/domain/errors'
import { cloud } from '../../_kit/cloud'
import { temporaryUrls } from '../../_kit/temp-urls'
import { action } from '../../_kit/define-function'
import { templateWorkbook } from '../sheet'

/** The columns of a kind, one example row, and the template file to fill. */
export const template = action({
  input: importInputs.template,
  audience: ['staff'],
  async handler({ kind }) {
    const columns = COLUMNS[kind]
    const example = columns.map((c) => EXAMPLES[kind][c.key] ?? '')
    const fileName = `导入模板-${KIND_LABELS[kind]}.xlsx`
    // The same template for everyone: rewritten in place, so a changed column reaches the next download.
    const { fileID } = await cloud.uploadFile({ cloudPath: `templates/import-${kind}.xlsx`, fileContent: await templateWorkbook(kind, example) })
    const url = (await temporaryUrls([fileID])).get(fileID)
    if (!url) throw new AppError('INTERNAL', '模板暂时无法下载，请稍后再试')
    return { kind, columns, example, fileName, fileID, url }
  },
  audit: 'read',
})
