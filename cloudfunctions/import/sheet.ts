import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { AppError } from '@/domain/errors'
import { COLUMNS, type ImportKind } from '@/domain/import/kinds'
import type { RawRow } from '@/domain/import/rows'

export type SheetType = 'xlsx' | 'csv'

/** What the upload endpoint and the function accept: a file a station's spreadsheet fits in many times over (5,000 rows of AEDs are about 0.5 MB). */
export const MAX_SHEET_BYTES = 5 * 1024 * 1024

const refuse = (message: string) => new AppError('INVALID_INPUT', message, { file: message })

export function sheetTypeOf(fileName: string): SheetType {
  const ext = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1]
  if (ext === 'xlsx' || ext === 'csv') return ext
  if (ext === 'xlsm' || ext === 'xltm') throw refuse('文件含有宏（.xlsm），为安全起见不能导入：请另存为 .xlsx 后再上传')
  if (ext === 'xls') throw refuse('不支持旧版 .xls 文件：请在 Excel 或 WPS 中另存为 .xlsx 后再上传')
  throw refuse('只能导入 .xlsx 或 .csv 文件')
}

/** An .xlsx is a zip: its local file headers start with `PK\x03\x04`. */
const isZip = (bytes: Buffer) => bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04

/**
 * A workbook with macros keeps them in `vbaProject.bin` (ECMA-376 / MS-OVBA); file names are
 * stored uncompressed in the zip's headers, so the name itself is found in the bytes.
 */
const hasMacros = (bytes: Buffer) => bytes.includes('vbaProject.bin', 0, 'latin1')

/** Excel's dates are days without a zone: exceljs gives them as UTC midnight. */
const dateText = (d: Date) => d.toISOString().slice(0, 10)

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return dateText(value)
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e8) / 1e8)
  if (typeof value === 'string' || typeof value === 'boolean') return String(value)
  if ('richText' in value) return value.richText.map((part) => part.text).join('')
  if ('text' in value && typeof value.text === 'string') return value.text
  if ('error' in value) return ''
  return ''
}

const hasFormula = (cell: ExcelJS.Cell) => cell.type === ExcelJS.ValueType.Formula || Boolean(cell.formula)

/** Column titles as people write them: `纬度（必填）`, ` 纬度 `, `纬度*` all mean 纬度. */
const normaliseTitle = (title: string) => title.replace(/[（(][^）)]*[）)]/g, '').replace(/[*＊\s]/g, '')

/** CSV from Excel on Chinese Windows is GB18030 (GBK); from elsewhere UTF-8 with or without a BOM. */
function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '')
  } catch {
    return new TextDecoder('gb18030').decode(bytes)
  }
}

async function loadWorksheet(bytes: Buffer, type: SheetType): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook()
  if (type === 'xlsx') {
    if (!isZip(bytes)) throw refuse('文件不是有效的 .xlsx 表格，请在 Excel 或 WPS 中重新保存后上传')
    if (hasMacros(bytes)) throw refuse('文件含有宏，为安全起见不能导入：请另存为不含宏的 .xlsx 后再上传')
    try {
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
    } catch {
      throw refuse('文件打不开，可能已损坏，请在 Excel 或 WPS 中重新保存后上传')
    }
    const sheet = workbook.worksheets.find((s) => s.state === 'visible' && s.actualRowCount > 0)
    if (!sheet) throw refuse('文件是空的，没有可导入的行')
    return sheet
  }
  if (bytes.includes(0)) throw refuse('文件不是文本格式的 .csv，请另存为 CSV（逗号分隔）后上传')
  // Every value stays text: a member number 00123 or a phone must not turn into a number or a date.
  return workbook.csv.read(Readable.from([decodeText(bytes)]), { map: (value: string) => value })
}

/**
 * The rows of a spreadsheet by the columns of a kind's template. The first non-empty row is the
 * header; data rows keep their spreadsheet row number, so an error points at the line staff see.
 * Refused whole (nothing is stored): a wrong type, macros, formulas (a value that depends on other
 * cells is not what staff see typed), no header of the template, no rows, more than `maxRows`.
 */
export async function readSheet(bytes: Buffer, type: SheetType, kind: ImportKind, maxRows: number): Promise<RawRow[]> {
  if (bytes.length === 0) throw refuse('文件是空的，没有可导入的行')
  if (bytes.length > MAX_SHEET_BYTES) throw refuse(`文件太大，最多 ${MAX_SHEET_BYTES / 1024 / 1024} MB`)
  const sheet = await loadWorksheet(bytes, type)
  const columns = COLUMNS[kind]
  let header: Map<number, string> | null = null
  const rows: RawRow[] = []
  let tooMany = false
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (tooMany) return
    const texts = new Map<number, string>()
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const text = cellText(cell.value).trim()
      // In a .csv a formula is text starting with `=`: a spreadsheet that opens an export of it would run it.
      if (hasFormula(cell) || (type === 'csv' && text.startsWith('='))) throw refuse(`第${rowNumber}行第${col}列是公式，不能导入：请复制后“粘贴为数值”再上传`)
      texts.set(col, text)
    })
    if ([...texts.values()].every((t) => !t)) return
    if (!header) {
      const found = new Map<number, string>()
      for (const [col, text] of texts) {
        const column = columns.find((c) => normaliseTitle(c.title) === normaliseTitle(text))
        if (column) found.set(col, column.key)
      }
      header = found
      const missing = columns.filter((c) => c.required && ![...found.values()].includes(c.key))
      if (missing.length > 0) throw refuse(`表头缺少：${missing.map((c) => c.title).join('、')}。请用本页下载的模板填写`)
      return
    }
    if (rows.length >= maxRows) {
      tooMany = true
      return
    }
    const cells: Record<string, string> = {}
    for (const [col, key] of header) cells[key] = texts.get(col) ?? ''
    rows.push({ row: rowNumber, cells })
  })
  if (tooMany) throw refuse(`一个文件最多 ${maxRows} 行，请分成几个文件导入`)
  if (!header) throw refuse('文件是空的，没有可导入的行')
  if (rows.length === 0) throw refuse('文件只有表头，没有可导入的行')
  return rows
}

/**
 * A template: the header row alone on the sheet staff fill (an example left in it would be
 * imported as a real record), and a second sheet with each column's rule and the example row.
 */
export async function templateWorkbook(kind: ImportKind, example: string[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('导入')
  const columns = COLUMNS[kind]
  sheet.addRow(columns.map((c) => c.title))
  sheet.getRow(1).font = { bold: true }
  columns.forEach((c, i) => {
    // Text columns: Excel would otherwise drop a leading 0 or turn a phone into 1.38E+10.
    sheet.getColumn(i + 1).numFmt = '@'
    sheet.getColumn(i + 1).width = Math.max(12, c.title.length * 2 + 4)
  })
  const notes = workbook.addWorksheet('填写说明')
  notes.addRow(['列', '是否必填', '怎么填', '示例'])
  columns.forEach((c, i) => notes.addRow([c.title, c.required ? '必填' : '选填', c.hint, example[i]]))
  notes.getRow(1).font = { bold: true }
  notes.getColumn(3).width = 60
  notes.getColumn(4).width = 30
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
