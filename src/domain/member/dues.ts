import * as v from 'valibot'

/**
 * 会费 by 《中国红十字会会费管理办法》: a member pays yearly, at most 10 元 a year (个人会员) and at
 * most 5 元 a year (青少年会员); students in school pay voluntarily; "连续两年不按期缴纳会费的，
 * 视为自动退会". Membership has no other term: no validity date is printed on the card.
 */
export const DUES_CAP_FEN = { adult: 1000, youth: 500 } as const

/** What a community charges a year, in 分, within the caps. */
export type DuesSetting = { adultFen: number; youthFen: number }

/** Where a community has not set its dues, the caps of the 办法 apply. */
export const DEFAULT_DUES: DuesSetting = { adultFen: DUES_CAP_FEN.adult, youthFen: DUES_CAP_FEN.youth }

export const duesSettingSchema = v.object({
  adultFen: v.pipe(v.number('请填写成人会员会费'), v.integer('会费以分为单位，应为整数'), v.minValue(0, '会费不能为负数'), v.maxValue(DUES_CAP_FEN.adult, '成人会员会费每年不超过10元（《中国红十字会会费管理办法》）')),
  youthFen: v.pipe(v.number('请填写青少年会员会费'), v.integer('会费以分为单位，应为整数'), v.minValue(0, '会费不能为负数'), v.maxValue(DUES_CAP_FEN.youth, '青少年会员会费每年不超过5元（《中国红十字会会费管理办法》）')),
})

/** 分 as people read money: 1000 → 10元, 250 → 2.50元. */
export const formatYuan = (fen: number) => (fen % 100 === 0 ? `${fen / 100}元` : `${(fen / 100).toFixed(2)}元`)

export type DuesState = 'exempt' | 'paid' | 'due' | 'arrears' | 'lapsed'

/** A member's dues as the card and the staff lists show them. */
export type DuesStanding = {
  state: DuesState
  /** The last year paid for, or null before the first payment. */
  paidThrough: number | null
  /** The year the next payment is for (null once lapsed: no more dues are taken). */
  nextYear: number | null
  /** What one year costs this member under the community's setting (null when exempt). */
  yearFen: number | null
  /** One line: 会费缴至2026年 / 2026年会费待缴 / … */
  label: string
  /** What to do and by when, in plain words. */
  hint: string
}

/**
 * `trackedFrom`: the first year the app kept dues (members who joined before it did are not in
 * arrears for years nobody recorded).
 */
export type DuesFacts = { joinedAt: string; trackedFrom?: number; paidThrough: number | null; student: boolean; youth: boolean; setting: DuesSetting; today: string }

/**
 * Dues are owed for each calendar year from the year of joining, within that year. Two whole past
 * years unpaid in a row is 自动退会 (shown as lapsed; the record is kept).
 */
export function duesStanding({ joinedAt, trackedFrom = 0, paidThrough, student, youth, setting, today }: DuesFacts): DuesStanding {
  const firstOwed = Math.max(Number(joinedAt.slice(0, 4)), trackedFrom, (paidThrough ?? 0) + 1)
  const nextYear = firstOwed
  if (student) return { state: 'exempt', paidThrough, nextYear, yearFen: null, label: '在校学生，会费自愿缴纳', hint: '在校学生会员可自愿缴纳会费（《中国红十字会会费管理办法》）。' }
  const year = Number(today.slice(0, 4))
  const yearFen = youth ? setting.youthFen : setting.adultFen
  const pastUnpaid = year - firstOwed
  const paidLabel = paidThrough ? `会费缴至${paidThrough}年` : '尚未缴纳会费'
  if (firstOwed > year) return { state: 'paid', paidThrough, nextYear, yearFen, label: paidLabel, hint: `下次缴费：${year + 1}年内缴纳${year + 1}年度会费${formatYuan(yearFen)}。` }
  if (pastUnpaid >= 2) {
    return { state: 'lapsed', paidThrough, nextYear: null, yearFen, label: '已视为自动退会', hint: `${firstOwed}年、${firstOwed + 1}年连续两年未按期缴纳会费，按《中国红十字会会费管理办法》视为自动退会。如想继续做会员，请联系社区工作人员。` }
  }
  if (pastUnpaid === 1) {
    return { state: 'arrears', paidThrough, nextYear, yearFen, label: `${paidLabel}，欠缴${firstOwed}年会费`, hint: `请在${year}年12月31日前到社区补缴${firstOwed}年和${year}年会费（每年${formatYuan(yearFen)}），连续两年不缴将视为自动退会。` }
  }
  return { state: 'due', paidThrough, nextYear, yearFen, label: `${paidLabel}，${year}年会费待缴`, hint: `请在${year}年12月31日前到社区缴纳${year}年度会费${formatYuan(yearFen)}。` }
}
