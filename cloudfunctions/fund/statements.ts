import type { StatementHead } from '@/domain/fund/chain'
import { isDuplicateKey } from '../_kit/cloud'
import { fundStatements, type HeadDoc, type StatementDoc } from './ledger-docs'

/**
 * 月度结算, frozen lazily: the first record or verify after a month ends writes that month's
 * closing head (its last seq and hash) once. Lazily rather than by a daily scheduler job because
 * the head cannot move without a record, and every record freezes first: the statement is the
 * same, and a ledger nobody touches costs no reads or invocations (the idle-cost budget, #25).
 */
export async function freezeMonthIfDue(head: HeadDoc, today: string): Promise<void> {
  if (head.seq === 0 || !head.month || head.month >= today.slice(0, 7)) return
  const statement: StatementDoc = { _id: `${head.communityId}-${head.month}`, communityId: head.communityId, month: head.month, seq: head.seq, hash: head.hash, balanceFen: head.balanceFen }
  try {
    await fundStatements().add({ data: statement })
  } catch (error) {
    // Frozen already (a concurrent writer, or an earlier run): a statement is never rewritten.
    if (!isDuplicateKey(error)) throw error
  }
}

export async function statementsOf(communityId: string): Promise<StatementHead[]> {
  const { data } = await fundStatements().where({ communityId }).orderBy('month', 'asc').limit(1000).get<StatementDoc>()
  return data.map(({ month, seq, hash }) => ({ month, seq, hash }))
}
