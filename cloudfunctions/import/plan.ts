import { checkRow, rowKey, type CellError, type RawRow, type RowValue } from '@/domain/import/rows'
import { MAX_FUND_ROWS, MAX_ROWS, type ImportKind } from '@/domain/import/kinds'
import type { PreviewRow } from '@/domain/import/contract'
import { todayInChina } from '@/domain/dates'
import { AppError } from '@/domain/errors'
import { cloud } from '../_kit/cloud'
import { checkText } from '../_kit/content-check'
import { mapWithCap } from '../_kit/parallel'
import { requireOwnFiles } from '../_kit/uploads'
import { readSheet, sheetTypeOf } from './sheet'

/** A row on its way to the store: checked, keyed, and (when ok) the value to write. */
export type PlannedRow<K extends ImportKind = ImportKind> = {
  row: number
  state: PreviewRow['state']
  label: string
  errors: CellError[]
  key: string
  value: RowValue[K] | null
}

/** What each kind adds to the plain row checks: the file-wide and stored-data rules, its writes and their undo. */
export type KindRules<K extends ImportKind> = {
  /** The document id a row's key lands on. */
  docId(communityId: string, key: string): string
  /** The text of a row that others will see, for the content check ('' when none). */
  publicText(value: RowValue[K]): string
  /** File-wide and stored-data rules: marks rows `exists` (written before) or `bad`. */
  crossCheck(rows: PlannedRow<K>[], communityId: string, importId: string): Promise<void>
}

const refuseFile = (message: string) => new AppError('INVALID_INPUT', message, { file: message })

/** The caller's own upload, with its bytes: the function reads only what that staff member uploaded. */
export async function downloadSheet(openid: string, fileID: string): Promise<Buffer> {
  requireOwnFiles(openid, [fileID])
  try {
    const { fileContent } = await cloud.downloadFile({ fileID })
    return Buffer.isBuffer(fileContent) ? fileContent : Buffer.from(fileContent as Uint8Array)
  } catch {
    throw refuseFile('文件读取失败，请重新上传')
  }
}

export const labelOf = (kind: ImportKind, cells: Record<string, string>): string =>
  kind === 'fund' ? [cells.date, cells.type, cells.amount].filter(Boolean).join(' ') : cells.name || cells.phone || ''

/** Rows whose key another ok row already has: the later ones are refused. */
export function markRepeatedKeys(rows: PlannedRow[]): void {
  const first = new Map<string, number>()
  for (const r of rows) {
    if (r.state !== 'ok') continue
    const earlier = first.get(r.key)
    if (earlier === undefined) first.set(r.key, r.row)
    else markBad(r, { column: '', message: `与第${earlier}行重复` })
  }
}

export function markBad(r: PlannedRow, error: CellError): void {
  r.state = 'bad'
  r.errors.push(error)
}

/** msgSecCheck takes at most 2,500 characters; several rows go in one request, so 5,000 rows need a few hundred calls, not 5,000. */
const CHECK_CHARS = 2_000
/** A few checks at once: WeChat limits how fast one account calls msgSecCheck. */
const CHECKS_IN_FLIGHT = 4

/** Rows whose public text (AED names, donors, notes) fails the content check are refused one by one. */
async function checkPublicTexts<K extends ImportKind>(openid: string, rows: PlannedRow<K>[], rules: KindRules<K>): Promise<void> {
  const texts = rows.filter((r) => r.state === 'ok' && r.value).map((r) => ({ r, text: rules.publicText(r.value as RowValue[K]) })).filter((t) => t.text)
  const chunks: Array<typeof texts> = []
  let size = Infinity
  for (const t of texts) {
    if (size + t.text.length > CHECK_CHARS) chunks.push([]), (size = 0)
    chunks[chunks.length - 1].push(t)
    size += t.text.length + 1
  }
  const passes = async (text: string) => (await checkText(openid, text).catch(() => 'rejected' as const)) === 'pass'
  await mapWithCap(chunks, CHECKS_IN_FLIGHT, async (chunk) => {
    if (await passes(chunk.map((t) => t.text).join('\n'))) return
    // A refused chunk: find its rows one by one.
    for (const t of chunk) if (!(await passes(t.text))) markBad(t.r, { column: '', message: '内容未通过安全检查，请修改这一行的文字' })
  })
}

/**
 * Reads the file and checks every row: each on its own (domain rules), then against the other
 * rows and the stored data (the kind's rules), then the text others will see. Nothing is written.
 */
export async function planImport<K extends ImportKind>(input: { importId: string; openid: string; fileID: string; kind: K; communityId: string }, rules: KindRules<K>): Promise<PlannedRow<K>[]> {
  // The stored file's own extension decides how it is read; the name staff see is only a label.
  const type = sheetTypeOf(input.fileID)
  const bytes = await downloadSheet(input.openid, input.fileID)
  const raw: RawRow[] = await readSheet(bytes, type, input.kind, input.kind === 'fund' ? MAX_FUND_ROWS : MAX_ROWS)
  const today = todayInChina()
  const rows: PlannedRow<K>[] = raw.map(({ row, cells }) => {
    const checked = checkRow(input.kind, cells, today)
    const label = labelOf(input.kind, cells)
    return checked.ok
      ? { row, state: 'ok', label, errors: [], key: rowKey(input.kind, checked.value, row), value: checked.value }
      : { row, state: 'bad', label, errors: checked.errors, key: '', value: null }
  })
  markRepeatedKeys(rows)
  await rules.crossCheck(rows, input.communityId, input.importId)
  await checkPublicTexts(input.openid, rows, rules)
  return rows
}
