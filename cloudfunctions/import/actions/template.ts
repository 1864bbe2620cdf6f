import { importInputs } from '@/domain/import/contract'
import { COLUMNS, EXAMPLES, KIND_LABELS } from '@/domain/import/kinds'
import { cloud } from '../../_kit/cloud'
import { action } from '../../_kit/define-function'
import { templateWorkbook } from '../sheet'

/** A download link lasts an hour: long enough to save or forward the file. */
const LINK_SECONDS = 3_600

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
    const { fileList } = (await cloud.getTempFileURL({ fileList: [{ fileID, maxAge: LINK_SECONDS }] })) as { fileList: Array<{ tempFileURL: string }> }
    return { kind, columns, example, fileName, fileID, url: fileList[0]?.tempFileURL ?? '' }
  },
})
