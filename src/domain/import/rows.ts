import dayjs from 'dayjs'
import { ACCESS_PHONE_PATTERN } from '../aed/contract'
import { fromSimpleHours, type OpeningHours } from '../aed/hours'
import type { Placement } from '../aed/contract'
import { EXPENSE_CATEGORIES, INCOME_CATEGORIES, MAX_AMOUNT_FEN, type FundCategory } from '../fund/rules'
import { wgs84ToGcj02 } from '../geo'
import { cleanText } from '../text'
import { SKILLS, type Skill } from '../volunteer/profile'
import { COLUMNS, type ImportKind } from './kinds'

/** A data row as read from the file: its spreadsheet row number and its cells by column key, as text. */
export type RawRow = { row: number; cells: Record<string, string> }
/** What is wrong with one cell, in plain Chinese; `column` is the column's title as in the template. */
export type CellError = { column: string; message: string }
export type RowError = CellError & { row: number }

export type AedRow = {
  name: string
  address: string
  landmark: string
  floor: string
  placement: Placement
  /** GCJ-02, converted when the file gave WGS-84. */
  latitude: number
  longitude: number
  hours: OpeningHours
  padsExpiry: string
  batteryExpiry: string
  lastInspection: string | null
  accessPhone: string
}
export type MemberRow = { name: string; phone: string; memberNo: string; joinDate: string; youth: boolean; duesPaidThrough: number | null }
export type VolunteerRow = { name: string; phone: string; skills: Skill[]; hours: number; hoursFrom: string | null; hoursTo: string | null }
export type FundRowType = 'opening' | 'income' | 'expense'
export type FundRow = { date: string; type: FundRowType; amountFen: number; category: FundCategory; party: string; note: string }

export type RowValue = { aeds: AedRow; members: MemberRow; volunteers: VolunteerRow; fund: FundRow }
export type Checked<K extends ImportKind> = { ok: true; value: RowValue[K] } | { ok: false; errors: CellError[] }

const titleOf = (kind: ImportKind, key: string) => COLUMNS[kind].find((c) => c.key === key)?.title ?? key

/** Collects one row's errors while its cells are read; each reader answers a value even when wrong, so every error of the row is found. */
class RowReader {
  readonly errors: CellError[] = []
  constructor(
    private readonly kind: ImportKind,
    private readonly cells: Record<string, string>,
  ) {}

  fail(key: string, message: string): void {
    this.errors.push({ column: titleOf(this.kind, key), message })
  }

  raw(key: string): string {
    return cleanText(this.cells[key] ?? '').trim()
  }

  text(key: string, min: number, max: number): string {
    const value = this.raw(key)
    const title = titleOf(this.kind, key)
    if (min > 0 && !value) this.fail(key, `请填写${title}`)
    else if (value && value.length < min) this.fail(key, `${title}至少${min}个字`)
    else if (value.length > max) this.fail(key, `${title}最多${max}个字`)
    return value
  }

  phone(key: string): string {
    const value = this.raw(key).replace(/[\s-]/g, '')
    if (!value) this.fail(key, '请填写手机号')
    else if (!/^1\d{10}$/.test(value)) this.fail(key, `手机号“${value}”不对，应为1开头的11位数字`)
    return value
  }

  date(key: string, { required, notAfter }: { required: boolean; notAfter?: string }): string | null {
    const value = this.raw(key)
    const title = titleOf(this.kind, key)
    if (!value) {
      if (required) this.fail(key, `请填写${title}`)
      return null
    }
    const date = normaliseDate(value)
    if (!date) {
      this.fail(key, `${title}“${value}”不是有效的日期，应为 年-月-日`)
      return null
    }
    if (notAfter && date > notAfter) this.fail(key, `${title}不能晚于今天`)
    return date
  }

  number(key: string): number | null {
    const value = this.raw(key)
    if (!value) return null
    const n = Number(value)
    if (!Number.isFinite(n)) {
      this.fail(key, `${titleOf(this.kind, key)}“${value}”不是数字`)
      return null
    }
    return n
  }
}

/** `2026-01-05`, `2026/1/5`, `2026.1.5` or `2026年1月5日`, as `YYYY-MM-DD`; null when it is no real day. */
export function normaliseDate(text: string): string | null {
  const match = text.trim().match(/^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/)
  if (!match) return null
  const date = `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`
  return dayjs(date).format('YYYY-MM-DD') === date ? date : null
}

/**
 * Mainland China, Hong Kong, Macao and Taiwan lie within 3.86–53.56°N and 73.5–135.1°E (the
 * country's extreme points: 曾母暗沙, 漠河, 帕米尔高原, 黑龙江与乌苏里江交汇处). A point outside
 * is a typing error (latitude and longitude swapped, a lost digit), not a device.
 */
export const CHINA_BOUNDS = { south: 3.86, north: 53.56, west: 73.5, east: 135.1 }
const inChina = (latitude: number, longitude: number) =>
  latitude >= CHINA_BOUNDS.south && latitude <= CHINA_BOUNDS.north && longitude >= CHINA_BOUNDS.west && longitude <= CHINA_BOUNDS.east

const TIME = '([01]\\d|2[0-3]):[0-5]\\d'
const HOURS_PATTERN = new RegExp(`^(每天|工作日)\\s*(${TIME})\\s*[-–~至到]\\s*(${TIME}|24:00)$`)

/** `24小时`, `每天 08:00-20:00` or `工作日 08:30-17:30`: the patterns the staff form offers (hours.ts). */
export function parseHours(text: string): OpeningHours | null {
  const compact = text.replace(/\s+/g, ' ').trim()
  if (/^(24小时|24小时开放|全天)$/.test(compact)) return { always: true }
  const match = compact.match(HOURS_PATTERN)
  if (!match) return null
  const [, days, opens, , closes] = match
  if (opens >= closes) return null
  return fromSimpleHours({ mode: days === '每天' ? 'daily' : 'weekdays', opens, closes })
}

function checkAed(r: RowReader, today: string): AedRow {
  const name = r.text('name', 2, 40)
  const address = r.text('address', 4, 100)
  const landmark = r.text('landmark', 0, 60)
  const floor = r.text('floor', 0, 20)
  const placementText = r.raw('placement')
  const placement: Placement = placementText === '室外' ? 'outdoor' : 'indoor'
  if (placementText !== '室内' && placementText !== '室外') r.fail('placement', placementText ? `“${placementText}”不是可选的位置，请填 室内 或 室外` : '请填写 室内 或 室外')
  const lat = r.number('latitude')
  const lng = r.number('longitude')
  if (r.raw('latitude') === '') r.fail('latitude', '请填写纬度')
  if (r.raw('longitude') === '') r.fail('longitude', '请填写经度')
  const datum = r.raw('datum').toUpperCase().replace(/\s/g, '')
  const wgs = datum === 'WGS-84' || datum === 'WGS84'
  if (!wgs && datum !== 'GCJ-02' && datum !== 'GCJ02') r.fail('datum', datum ? `坐标系“${r.raw('datum')}”不认识，请填 GCJ-02 或 WGS-84` : '请填写坐标系：GCJ-02 或 WGS-84')
  let position = { latitude: lat ?? 0, longitude: lng ?? 0 }
  if (lat !== null && lng !== null) {
    if (!inChina(lat, lng)) r.fail('latitude', `坐标（${lat}, ${lng}）不在中国境内，请检查纬度、经度是否填反或少了位数`)
    // WGS-84 (GPS) is shifted to GCJ-02, which the app's map, WeChat and the stored AEDs use.
    else if (wgs) position = wgs84ToGcj02(position)
  }
  const hoursText = r.raw('hours')
  const hours = parseHours(hoursText)
  if (!hours) r.fail('hours', hoursText ? `开放时间“${hoursText}”看不懂，请填 24小时、每天 08:00-20:00 或 工作日 08:30-17:30` : '请填写开放时间')
  const padsExpiry = r.date('padsExpiry', { required: true }) ?? ''
  const batteryExpiry = r.date('batteryExpiry', { required: true }) ?? ''
  const lastInspection = r.date('lastInspection', { required: false, notAfter: today })
  const accessPhone = r.raw('guardianPhone').replace(/\s/g, '')
  if (accessPhone && !ACCESS_PHONE_PATTERN.test(accessPhone)) r.fail('guardianPhone', `负责人电话“${accessPhone}”不对，应为11位手机号或带区号的固话，如 0575-84123456`)
  return { name, address, landmark, floor, placement, latitude: round6(position.latitude), longitude: round6(position.longitude), hours: hours ?? { always: true }, padsExpiry, batteryExpiry, lastInspection, accessPhone }
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6

function checkMember(r: RowReader, today: string): MemberRow {
  const name = r.text('name', 2, 20)
  const phone = r.phone('phone')
  const memberNo = r.raw('memberNo')
  if (!memberNo) r.fail('memberNo', '请填写会员编号')
  else if (!/^[A-Za-z0-9-]{1,32}$/.test(memberNo)) r.fail('memberNo', `会员编号“${memberNo}”只能有字母、数字和短横线，最多32位`)
  const joinDate = r.date('joinDate', { required: true, notAfter: today }) ?? ''
  const category = r.raw('category')
  if (category !== '成人' && category !== '青少年') r.fail('category', category ? `会员类别“${category}”不对，请填 成人 或 青少年` : '请填写会员类别：成人 或 青少年')
  const paid = r.number('duesPaidThrough')
  const thisYear = Number(today.slice(0, 4))
  if (paid !== null && (!Number.isInteger(paid) || paid < 1950 || paid > thisYear + 1)) r.fail('duesPaidThrough', `会费缴至年份应为1950到${thisYear + 1}之间的年份`)
  return { name, phone, memberNo: memberNo.toUpperCase(), joinDate, youth: category === '青少年', duesPaidThrough: paid }
}

/** The most one person can have served before the app: 24 h a day for 20 years is far beyond; it catches a misplaced digit. */
export const MAX_OPENING_HOURS = 20_000

function checkVolunteer(r: RowReader, today: string): VolunteerRow {
  const name = r.text('name', 2, 20)
  const phone = r.phone('phone')
  const skillsText = r.raw('skills')
  const skills = skillsText ? [...new Set(skillsText.split(/[、,，;；/\s]+/).filter(Boolean))] : []
  const unknown = skills.filter((s) => !(SKILLS as readonly string[]).includes(s))
  if (unknown.length > 0) r.fail('skills', `服务技能“${unknown.join('、')}”不在可选范围内：${SKILLS.join('、')}`)
  const hours = r.number('hours') ?? 0
  if (hours < 0 || hours > MAX_OPENING_HOURS || Math.round(hours * 10) !== hours * 10) r.fail('hours', `既往服务时长应为0到${MAX_OPENING_HOURS}之间的小时数，最多一位小数`)
  const hoursFrom = r.date('hoursFrom', { required: hours > 0, notAfter: today })
  const hoursTo = r.date('hoursTo', { required: hours > 0, notAfter: today })
  if (hoursFrom && hoursTo && hoursFrom > hoursTo) r.fail('hoursTo', '时长截止日期不能早于起始日期')
  return { name, phone, skills: skills.filter((s): s is Skill => (SKILLS as readonly string[]).includes(s)), hours, hoursFrom, hoursTo }
}

const FUND_TYPES: Record<string, FundRowType> = { 期初余额: 'opening', 收入: 'income', 支出: 'expense' }
/** The category an opening balance is kept under: money carried over is income of the ledger's first day. */
export const OPENING_CATEGORY: FundCategory = '其他收入'

/** `321406.4` or `321,406.40` 元 as integer 分, without floating-point rounding. */
export function yuanToFen(text: string): number | null {
  const match = text.replace(/[,，\s]/g, '').match(/^(\d{1,9})(?:\.(\d{1,2}))?$/)
  if (!match) return null
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
}

function checkFund(r: RowReader, today: string): FundRow {
  const date = r.date('date', { required: true, notAfter: today }) ?? ''
  const typeText = r.raw('type')
  const type = FUND_TYPES[typeText]
  if (!type) r.fail('type', typeText ? `类型“${typeText}”不对，请填 期初余额、收入 或 支出` : '请填写类型：期初余额、收入 或 支出')
  const amountText = r.raw('amount')
  const amountFen = yuanToFen(amountText)
  if (amountFen === null || amountFen === 0) r.fail('amount', amountText ? `金额“${amountText}”不对，应为大于0的数，最多两位小数` : '请填写金额')
  else if (amountFen > MAX_AMOUNT_FEN) r.fail('amount', `一笔金额最多${MAX_AMOUNT_FEN / 100}元`)
  const categoryText = r.raw('category')
  let category: FundCategory = OPENING_CATEGORY
  if (type === 'income' || type === 'expense') {
    const allowed: readonly string[] = type === 'income' ? INCOME_CATEGORIES : EXPENSE_CATEGORIES
    if (allowed.includes(categoryText)) category = categoryText as FundCategory
    else r.fail('category', categoryText ? `类别“${categoryText}”不对，${typeText}可选：${allowed.join('、')}` : `请填写类别：${allowed.join('、')}`)
  }
  const party = r.text('party', 0, 20)
  if (type === 'expense' && !party) r.fail('party', '支出请填写受助人')
  const note = r.text('note', 0, 100)
  return { date, type: type ?? 'income', amountFen: amountFen ?? 0, category, party: type === 'income' ? party || '匿名' : party, note }
}

const CHECKERS: { [K in ImportKind]: (r: RowReader, today: string) => RowValue[K] } = { aeds: checkAed, members: checkMember, volunteers: checkVolunteer, fund: checkFund }

/** One row checked on its own (the file-wide rules — duplicates, the fund's order — come after). */
export function checkRow<K extends ImportKind>(kind: K, cells: Record<string, string>, today: string): Checked<K> {
  const reader = new RowReader(kind, cells)
  const value = CHECKERS[kind](reader, today)
  return reader.errors.length > 0 ? { ok: false, errors: reader.errors } : { ok: true, value }
}

/** The key that makes a row the same record however often it is committed (issue #27: AED position + name, member number, phone). */
export function rowKey<K extends ImportKind>(kind: K, value: RowValue[K], row: number): string {
  switch (kind) {
    case 'aeds': {
      const aed = value as AedRow
      // About a metre: the same device typed again with its coordinates rounded differently stays one.
      return `${aed.latitude.toFixed(5)},${aed.longitude.toFixed(5)},${aed.name}`
    }
    case 'members':
      return (value as MemberRow).memberNo
    case 'volunteers':
      return (value as VolunteerRow).phone
    default:
      // Fund rows have no natural key: the row's place in its file is its identity within one import.
      return `row${row}`
  }
}

/**
 * The fund's rules over the whole file: exactly one 期初余额, dated no later than any other row,
 * and the balance never below 0 when the rows are taken in date order (the ledger refuses to spend
 * more than it holds). Answers errors by row number.
 */
export function checkFundSequence(rows: Array<{ row: number; value: FundRow }>): RowError[] {
  const errors: RowError[] = []
  const typeTitle = titleOf('fund', 'type')
  const openings = rows.filter((r) => r.value.type === 'opening')
  if (openings.length === 0 && rows.length > 0) errors.push({ row: rows[0].row, column: typeTitle, message: '文件中没有“期初余额”行：请先填写某一天的余额' })
  for (const extra of openings.slice(1)) errors.push({ row: extra.row, column: typeTitle, message: `“期初余额”只能有一行（第${openings[0].row}行已有）` })
  const opening = openings[0]
  let balance = 0
  // Same day: the opening balance first, then the file's order.
  const order = (r: { row: number; value: FundRow }) => (r === opening ? 0 : 1)
  for (const r of [...rows].sort((a, b) => a.value.date.localeCompare(b.value.date) || order(a) - order(b) || a.row - b.row)) {
    if (opening && r !== opening && r.value.date < opening.value.date) {
      errors.push({ row: r.row, column: titleOf('fund', 'date'), message: `日期早于期初余额的日期${opening.value.date}：期初之前的账目已包含在余额中` })
      continue
    }
    balance += r.value.type === 'expense' ? -r.value.amountFen : r.value.amountFen
    if (balance < 0) {
      errors.push({ row: r.row, column: titleOf('fund', 'amount'), message: '按日期排列到这一笔时余额不足，请核对金额' })
      balance += r.value.amountFen
    }
  }
  return errors
}
