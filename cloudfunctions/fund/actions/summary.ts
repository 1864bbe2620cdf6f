import dayjs from 'dayjs'
import { fundInputs, type CategoryTotal } from '@/domain/fund/contract'
import { EXPENSE_CATEGORIES } from '@/domain/fund/rules'
import { todayInChina } from '@/domain/dates'
import { requireCommunity } from '../../_kit/communities'
import { action } from '../../_kit/define-function'
import { currentHead } from '../append'
import { statementsOf } from '../statements'

const isExpense = (category: string) => (EXPENSE_CATEGORIES as readonly string[]).includes(category)

/**
 * The 两公开 figures: balance, totals, income and spending by month (a year, or the last 12
 * months) and by category, from the head's running totals (one read, whatever the ledger's size).
 */
export const summary = action({
  input: fundInputs.summary,
  audience: 'anyone',
  async handler({ communityId, year }) {
    const [community, head, statements] = await Promise.all([requireCommunity(communityId), currentHead(communityId), statementsOf(communityId)])
    const today = dayjs(todayInChina())
    const months = year
      ? Array.from({ length: 12 }, (_unused, i) => `${year}-${String(i + 1).padStart(2, '0')}`)
      : Array.from({ length: 12 }, (_unused, i) => today.subtract(11 - i, 'month').format('YYYY-MM'))
    const categoryYear = String(year ?? today.year())
    const byCategory: CategoryTotal[] = Object.entries(head.byCategory[categoryYear] ?? {})
      .filter(([, amountFen]) => amountFen !== 0)
      .map(([category, amountFen]) => ({ category, kind: isExpense(category) ? 'expense' : 'income', amountFen }))
    return {
      communityId,
      communityName: community.name,
      balanceFen: head.balanceFen,
      incomeFen: head.incomeFen,
      expenseFen: head.expenseFen,
      entries: head.seq,
      aided: head.aided,
      headHash: head.hash,
      byMonth: months.map((month) => ({ month, incomeFen: head.byMonth[month]?.income ?? 0, expenseFen: head.byMonth[month]?.expense ?? 0 })),
      byCategory,
      statements,
      year: year ?? null,
    }
  },
})
