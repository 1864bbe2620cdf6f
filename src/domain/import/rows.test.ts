import { wgs84ToGcj02 } from '../geo'
import { EXAMPLES, IMPORT_KINDS } from './kinds'
import { checkFundSequence, checkRow, normaliseDate, parseHours, rowKey, yuanToFen, type FundRow } from './rows'

const TODAY = '2026-12-03'

test.each(IMPORT_KINDS)('the %s template\'s example row is itself valid', (kind) => {
  expect(checkRow(kind, EXAMPLES[kind], TODAY)).toMatchObject({ ok: true })
})

test('dates as people type them, and only real days', () => {
  expect(['2026-01-05', '2026/1/5', '2026.1.5', '2026年1月5日'].map(normaliseDate)).toEqual(Array(4).fill('2026-01-05'))
  expect(normaliseDate('2026-02-30')).toBeNull()
  expect(normaliseDate('5/1/2026')).toBeNull()
})

test('opening hours: the staff form\'s three patterns, nothing else', () => {
  expect(parseHours('24小时')).toEqual({ always: true })
  expect(parseHours('工作日 08:30-17:30')).toMatchObject({ always: false, weekly: { mon: [['08:30', '17:30']], fri: [['08:30', '17:30']] } })
  expect(parseHours('工作日 08:30-17:30')).not.toHaveProperty('weekly.sat')
  expect(parseHours('每天 18:00-08:00')).toBeNull()
  expect(parseHours('看情况')).toBeNull()
})

test('元 to 分 without floating-point drift', () => {
  expect(yuanToFen('321406.4')).toBe(32_140_640)
  expect(yuanToFen('321,406.40')).toBe(32_140_640)
  expect(yuanToFen('0.07')).toBe(7)
  expect(yuanToFen('1.005')).toBeNull()
  expect(yuanToFen('-5')).toBeNull()
})

describe('AED rows', () => {
  const row = { ...EXAMPLES.aeds }
  test('WGS-84 is converted to GCJ-02 (what the map and stored AEDs use); GCJ-02 is kept', () => {
    const wgs = checkRow('aeds', { ...row, datum: 'WGS-84' }, TODAY)
    const expected = wgs84ToGcj02({ latitude: 30.0812, longitude: 120.4923 })
    expect(wgs.ok && wgs.value.latitude).toBeCloseTo(expected.latitude, 6)
    expect(wgs.ok && wgs.value.longitude).toBeCloseTo(expected.longitude, 6)
    expect(checkRow('aeds', row, TODAY)).toMatchObject({ ok: true, value: { latitude: 30.0812, longitude: 120.4923 } })
  })
  test('every error of a row is reported, each with its column', () => {
    expect(checkRow('aeds', { ...row, name: '', latitude: '120.49', longitude: '30.08', datum: 'BD-09', padsExpiry: '明年' }, TODAY)).toEqual({
      ok: false,
      errors: [
        { column: '名称', message: '请填写名称' },
        { column: '坐标系', message: '坐标系“BD-09”不认识，请填 GCJ-02 或 WGS-84' },
        { column: '纬度', message: '坐标（120.49, 30.08）不在中国境内，请检查纬度、经度是否填反或少了位数' },
        { column: '电极片有效期', message: '电极片有效期“明年”不是有效的日期，应为 年-月-日' },
      ],
    })
  })
  test('the key is the position to about a metre and the name', () => {
    const a = checkRow('aeds', row, TODAY)
    const b = checkRow('aeds', { ...row, latitude: '30.081200004' }, TODAY)
    expect(a.ok && b.ok && rowKey('aeds', a.value, 2) === rowKey('aeds', b.value, 3)).toBe(true)
  })
})

test('a volunteer with earlier hours needs the period they cover', () => {
  expect(checkRow('volunteers', { name: '李建华', phone: '13800000002', hours: '120' }, TODAY)).toEqual({
    ok: false,
    errors: [
      { column: '时长起始日期', message: '请填写时长起始日期' },
      { column: '时长截止日期', message: '请填写时长截止日期' },
    ],
  })
  expect(checkRow('volunteers', { name: '李建华', phone: '13800000002', skills: '唱歌', hours: '12.25' }, TODAY)).toMatchObject({
    ok: false,
    errors: [{ column: '服务技能' }, { column: '既往服务时长' }, { column: '时长起始日期' }, { column: '时长截止日期' }],
  })
})

describe('the fund file as a whole', () => {
  const entry = (row: number, date: string, type: FundRow['type'], amountFen: number) => ({ row, value: { date, type, amountFen, category: '其他收入' as const, party: '', note: '' } })
  test('one opening balance, the earliest, and never spending below 0', () => {
    expect(checkFundSequence([entry(2, '2025-12-31', 'opening', 1000), entry(3, '2026-01-05', 'expense', 800), entry(4, '2026-01-06', 'income', 100)])).toEqual([])
    expect(checkFundSequence([entry(2, '2025-12-31', 'opening', 1000), entry(3, '2026-01-05', 'expense', 1200)])).toEqual([{ row: 3, column: '金额（元）', message: '按日期排列到这一笔时余额不足，请核对金额' }])
    expect(checkFundSequence([entry(2, '2025-12-31', 'opening', 1000), entry(3, '2025-11-01', 'income', 5), entry(4, '2026-01-01', 'opening', 5)]).map((e) => e.row)).toEqual([4, 3])
    expect(checkFundSequence([entry(2, '2026-01-05', 'income', 5)])).toEqual([{ row: 2, column: '类型', message: '文件中没有“期初余额”行：请先填写某一天的余额' }])
  })
})
