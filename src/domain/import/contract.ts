import * as v from 'valibot'
import type { ActionSpec, Page } from '../contract'
import { fields } from '../validation'
import { IMPORT_KINDS, type Column, type ImportKind } from './kinds'
import type { CellError } from './rows'

const kind = v.picklist(IMPORT_KINDS, '请选择要导入的内容')
const importId = fields.id('导入编号')
/** A spreadsheet the caller uploaded to cloud storage. */
const fileID = v.pipe(v.string('请先选择文件'), v.trim(), v.nonEmpty('请先选择文件'), v.regex(/^cloud:\/\/\S+$/, '文件格式不正确'), v.maxLength(300, '文件格式不正确'))

export const importInputs = {
  template: v.object({ kind }),
  preview: v.object({ fileID, kind, communityId: fields.community(), fileName: fields.optionalText('文件名', 100) }),
  commit: v.object({ importId }),
  undo: v.object({ importId }),
  list: v.object({ communityId: v.optional(fields.community()), page: fields.page, pageSize: fields.pageSize }),
  matches: v.object({ communityId: v.optional(fields.community()) }),
  confirmMatch: v.object({ personId: fields.id('导入记录编号'), candidateId: fields.id('申请编号') }),
}

export type ImportStatus = 'previewed' | 'committing' | 'committed' | 'undoing' | 'undone'

export const IMPORT_STATUS_LABELS: Record<ImportStatus, string> = {
  previewed: '已预览，未写入',
  committing: '正在写入',
  committed: '已导入',
  undoing: '正在撤销',
  undone: '已撤销',
}

/** One row of a preview: `ok` rows are written, `exists` rows were written before and are skipped, `bad` rows never. */
export type PreviewRow = { row: number; state: 'ok' | 'exists' | 'bad'; label: string; errors: CellError[] }

export type TemplateAnswer = {
  kind: ImportKind
  columns: Column[]
  /** One example row, in the order of `columns`. */
  example: string[]
  fileName: string
  fileID: string
  /** A download link valid for a short time. */
  url: string
}

export type ImportSummary = {
  importId: string
  kind: ImportKind
  communityId: string
  communityName: string
  fileName: string
  status: ImportStatus
  total: number
  okCount: number
  existsCount: number
  badCount: number
  added: number
  removed: number
  byName: string
  createdAt: string
  committedAt: string | null
  /** Until when `undo` is possible (null when it is not). */
  undoUntil: string | null
}

export type PreviewAnswer = ImportSummary & {
  /** Every bad row (at most `MAX_SHOWN_BAD`), then the first ok rows as a sample of what will be written. */
  rows: PreviewRow[]
  /** How long the commit will take, from the measured write rate. */
  estimatedSeconds: number
}

/** A person who registered or applied with the phone of an imported record: staff confirm it is them. */
export type ImportMatch = {
  personId: string
  kind: 'members' | 'volunteers'
  communityId: string
  name: string
  phone: string
  /** What becomes theirs on confirmation. */
  detail: string
  candidateId: string
  candidateName: string
  candidateSince: string
}

export type ImportApi = {
  template: ActionSpec<v.InferInput<typeof importInputs.template>, TemplateAnswer>
  preview: ActionSpec<v.InferInput<typeof importInputs.preview>, PreviewAnswer>
  commit: ActionSpec<v.InferInput<typeof importInputs.commit>, ImportSummary>
  undo: ActionSpec<v.InferInput<typeof importInputs.undo>, ImportSummary>
  list: ActionSpec<v.InferInput<typeof importInputs.list>, Page<ImportSummary>>
  matches: ActionSpec<v.InferInput<typeof importInputs.matches>, { items: ImportMatch[] }>
  confirmMatch: ActionSpec<v.InferInput<typeof importInputs.confirmMatch>, { personId: string; linked: true; communityId: string }>
}
