import * as v from 'valibot'
import { toCsv } from '../fund/csv'
import { fields } from '../validation'
import { LEDGER_SOURCE_LABELS, type LedgerSource, type ServiceRecord } from './ledger'

/**
 * 志愿服务记录 for the national 志愿服务信息系统 (中国志愿服务网; 志愿浙江 is its Zhejiang site).
 *
 * 民政部令第67号《志愿服务记录与证明出具办法（试行）》2020 第四条: an organisation that keeps its
 * records in another system brings the volunteers' 个人基本信息 and 志愿服务情况 into the system the
 * 民政部 designates. The system's own import template is not published where we could read it (we
 * searched for 志愿服务信息系统 / 志愿浙江 服务时长导入模板 and found no authoritative copy), so the
 * columns are the data items the rules name, in their words:
 * - who: 姓名, 证件类型, 证件号码 (the system matches people by it), 手机号码 — 个人基本信息 (第四条);
 *   志愿者编号 — MZ/T 061-2015《志愿服务信息系统基本规范》 and 民发〔2015〕149号 (a 证明 names it);
 * - what: 服务开始日期, 服务结束日期, 服务时长（小时）, 服务地点, 服务内容 — 志愿服务情况 (第八条:
 *   time, place, content and hours of each service);
 * - who vouches: 记录单位, 记录人, 记录日期 — 谁记录谁证明 (第三条: 真实、准确、完整).
 * Staff paste the rows into the system's template, column by column; a missing ID number is left
 * blank for them to complete there.
 */
export const NATIONAL_EXPORT_COLUMNS = [
  '姓名',
  '证件类型',
  '证件号码',
  '手机号码',
  '志愿者编号',
  '服务开始日期',
  '服务结束日期',
  '服务时长（小时）',
  '服务地点',
  '服务内容',
  '记录类型',
  '记录单位',
  '记录人',
  '记录日期',
] as const

/** Records a period may hold in one file; a year of a busy station fits many times over. */
export const MAX_EXPORT_ROWS = 5000

/** The person a record is about, as staff of their community may see them (ID number in full). */
export type ExportPerson = { name: string; idTypeLabel: string; idNumber: string; phone: string; volunteerNumber: string }

/** One ledger entry: a record of service, or a correction or carry-over, each kept as it is. */
export type ExportRecord = ServiceRecord & { source: LedgerSource; hours: number; creditedByName: string; recordedOn: string }

export function nationalExportRow(record: ExportRecord, person: ExportPerson, organisation: string): string[] {
  return [
    person.name,
    person.idTypeLabel,
    person.idNumber,
    person.phone,
    person.volunteerNumber,
    record.serviceFrom,
    record.serviceDate,
    String(record.hours),
    record.place,
    record.content,
    LEDGER_SOURCE_LABELS[record.source],
    organisation,
    record.creditedByName,
    record.recordedOn,
  ]
}

/** The file: UTF-8 with BOM and CRLF rows, as Excel and WPS open it (src/domain/fund/csv). */
export function nationalExportCsv(rows: string[][]): string {
  return toCsv([...NATIONAL_EXPORT_COLUMNS], rows)
}

/** At most a year per file (the national system reports by year): `to` before the same day a year after `from`. */
const withinAYear = (from: string, to: string) => to < `${Number(from.slice(0, 4)) + 1}${from.slice(4)}`

export const nationalExportSchema = v.pipe(
  v.object({ communityId: fields.id('社区'), from: fields.date('开始日期'), to: fields.date('结束日期') }),
  v.forward(v.check((i) => i.from <= i.to, '结束日期不能早于开始日期'), ['to']),
  v.forward(v.check((i) => withinAYear(i.from, i.to), '一次最多导出一年的记录'), ['to']),
)
