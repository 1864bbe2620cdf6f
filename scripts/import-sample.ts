import ExcelJS from 'exceljs'
import { COLUMNS } from '../src/domain/import/kinds'

/**
 * An AED spreadsheet as a district might hold it: `count` devices on a grid 33 m by 39 m apart
 * (no two within 20 m) from `origin`, filled as the template asks. For the 5,000-row test and bench.
 */
export async function aedSpreadsheet(count: number, origin: { latitude: number; longitude: number }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('导入')
  sheet.addRow(COLUMNS.aeds.map((c) => c.title))
  const perRow = Math.ceil(Math.sqrt(count))
  for (let i = 0; i < count; i++) {
    const lat = origin.latitude + Math.floor(i / perRow) * 0.0003
    const lng = origin.longitude + (i % perRow) * 0.0004
    sheet.addRow([`第${i + 1}号AED`, `柯桥区设备路${i + 1}号`, '门卫室', '1楼', i % 3 ? '室内' : '室外', lat.toFixed(6), lng.toFixed(6), 'GCJ-02', i % 2 ? '24小时' : '每天 08:00-20:00', '2027-06-30', '2028-12-31', '2026-11-01', '0575-84123456'])
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
