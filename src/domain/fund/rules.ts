import * as v from 'valibot'
import { maskName } from '../privacy'

/** What spending is for (the categories 港越's 两公开 board uses). */
export const EXPENSE_CATEGORIES = ['大病', '困难', '助学', '灾害', '意外', '其他'] as const
export type ExpenseCategory = (typeof EXPENSE_CATEGORIES)[number]

export const INCOME_CATEGORIES = ['个人捐赠', '单位捐赠', '网络募捐', '其他收入'] as const
export type IncomeCategory = (typeof INCOME_CATEGORIES)[number]

export type FundCategory = ExpenseCategory | IncomeCategory

/**
 * How money came or went. Never "in this app": 慈善法 (2016) art. 23, kept in the 2023 revision,
 * has online public fundraising published on the platforms the 民政部 designates, so online gifts
 * arrive through such a platform (腾讯公益 …) and staff record what arrived.
 */
export const CHANNELS = ['银行转账', '现金', '腾讯公益', '其他募捐平台', '其他'] as const
export type Channel = (typeof CHANNELS)[number]

/** Above this (分) an aid request needs a second, different staff member's approval, unless the community sets its own. */
export const DEFAULT_SECOND_APPROVAL_FEN = 500_000

/** A single entry above a million 元 is a typing mistake here, not a community fund. */
export const MAX_AMOUNT_FEN = 100_000_000

/** The donor's name shown when they asked not to be named. */
export const ANONYMOUS = '匿名'

/** Who an entry shows publicly: a donor as named (or 匿名), a beneficiary masked (张**), never in full. */
export const shownParty = (kind: 'income' | 'expense', party: string): string => (kind === 'income' ? party || ANONYMOUS : maskName(party))

/**
 * An amount in 分: a whole, positive number. Floats (12.5), zero and negatives are refused rather
 * than rounded, so no sum of the ledger ever drifts by a fraction of a 分.
 */
export const amountFenField = (label = '金额') =>
  v.pipe(
    v.number(`请填写${label}`),
    v.integer(`${label}应以“分”为单位的整数`),
    v.minValue(1, `${label}必须大于0`),
    v.maxValue(MAX_AMOUNT_FEN, `${label}过大，请核对`),
  )

/** `123456` → `1,234.56` (元, for people). */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  const yuan = Math.floor(abs / 100)
  const cents = abs % 100
  return `${sign}${yuan.toString().replace(/\B(?=(\d{3})+$)/g, ',')}.${cents < 10 ? '0' : ''}${cents}`
}

/** `123456` → `1234.56` (元, for spreadsheets: no thousands separator). */
export function plainYuan(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  const cents = abs % 100
  return `${sign}${Math.floor(abs / 100)}.${cents < 10 ? '0' : ''}${cents}`
}

/**
 * What a person typed in 元 (`1234`, `1234.5`, `1,234.56`) as 分, or null when it is not an
 * amount with at most two decimals: the form never rounds what someone meant.
 */
export function yuanToFen(typed: string): number | null {
  const text = typed.replace(/[,，\s]/g, '')
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text)
  if (!match) return null
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
}

/**
 * The words a ledger entry is found by on the public page: only what the page already shows
 * (the donor or the masked beneficiary, channel, reference, note), so a search for a full name
 * never tells whether that person was aided.
 */
export const entrySearchText = (entry: { partyShown: string; channel: string; reference: string; note: string }): string =>
  [entry.partyShown, entry.channel, entry.reference, entry.note].filter(Boolean).join(' ')
