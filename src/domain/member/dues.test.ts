import { DEFAULT_DUES, duesStanding, formatYuan, type DuesFacts } from './dues'
import { isYouth } from './age'

/** 《中国红十字会会费管理办法》: yearly dues (≤ 10 元 adults, ≤ 5 元 youth), students voluntary, two years unpaid in a row = 自动退会. */
const base: DuesFacts = { joinedAt: '2025-03-01', paidThrough: null, student: false, youth: false, setting: { adultFen: 1000, youthFen: 500 }, today: '2026-11-23' }

test('paid for this year: 会费缴至 that year, the next year due next', () => {
  expect(duesStanding({ ...base, paidThrough: 2026 })).toMatchObject({ state: 'paid', label: '会费缴至2026年', hint: '下次缴费：2027年内缴纳2027年度会费10元。' })
})

test('joined this year and not yet paid: due by 31 December', () => {
  expect(duesStanding({ ...base, joinedAt: '2026-05-01' })).toMatchObject({ state: 'due', label: '尚未缴纳会费，2026年会费待缴', hint: '请在2026年12月31日前到社区缴纳2026年度会费10元。' })
})

test('one past year unpaid: in arrears, told what to pay before the second year ends', () => {
  expect(duesStanding({ ...base, paidThrough: null })).toMatchObject({ state: 'arrears', label: '尚未缴纳会费，欠缴2025年会费' })
  expect(duesStanding({ ...base, joinedAt: '2020-01-01', paidThrough: 2024, today: '2026-01-02' })).toMatchObject({ state: 'arrears' })
})

test('连续两年不按期缴纳会费: lapsed (自动退会), shown with the years', () => {
  const lapsed = duesStanding({ ...base, joinedAt: '2020-01-01', paidThrough: 2023, today: '2026-01-01' })
  expect(lapsed).toMatchObject({ state: 'lapsed', label: '已视为自动退会' })
  expect(lapsed.hint).toContain('2024年、2025年连续两年未按期缴纳会费')
})

test('a student pays voluntarily (免缴) and never lapses', () => {
  expect(duesStanding({ ...base, joinedAt: '2015-01-01', student: true })).toMatchObject({ state: 'exempt', yearFen: null })
})

test('a youth member pays the youth amount; at 18 the adult amount (fixed clock)', () => {
  const birth = '2008-11-24'
  expect(isYouth(birth, '2026-11-23')).toBe(true)
  expect(duesStanding({ ...base, paidThrough: 2025, youth: isYouth(birth, '2026-11-23') }).yearFen).toBe(500)
  expect(duesStanding({ ...base, paidThrough: 2025, youth: isYouth(birth, '2026-11-24'), today: '2026-11-24' }).yearFen).toBe(1000)
})

test('a member who joined before the app kept dues owes from the year it began, not before', () => {
  expect(duesStanding({ ...base, joinedAt: '2019-01-01', trackedFrom: 2026 })).toMatchObject({ state: 'due' })
  expect(duesStanding({ ...base, joinedAt: '2019-01-01', trackedFrom: 2026 }).nextYear).toBe(2026)
})

test('payments go year by year from the year of joining', () => {
  expect(duesStanding(base).nextYear).toBe(2025)
  expect(duesStanding({ ...base, paidThrough: 2026 }).nextYear).toBe(2027)
})

test('the default is the cap of the 办法; money reads in 元', () => {
  expect(DEFAULT_DUES).toEqual({ adultFen: 1000, youthFen: 500 })
  expect([formatYuan(1000), formatYuan(250)]).toEqual(['10元', '2.50元'])
})
