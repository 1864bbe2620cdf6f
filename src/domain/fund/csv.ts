/**
 * CSV for the finance office's spreadsheet (RFC 4180 quoting, CRLF rows). It starts with a UTF-8
 * BOM so Excel reads the Chinese as UTF-8; a cell starting with = + - @ or a tab/CR is prefixed
 * with ' so a spreadsheet never runs it as a formula (OWASP, "CSV Injection").
 */
export const BOM = '\ufeff'

const FORMULA_START = /^[=+\-@\t\r]/

export function csvCell(value: string | number): string {
  let text = String(value)
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text
}

export function toCsv(header: string[], rows: Array<Array<string | number>>): string {
  return BOM + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}
