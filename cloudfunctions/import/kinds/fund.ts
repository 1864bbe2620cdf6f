import { AppError } from '@/domain/errors'
import { shownParty } from '@/domain/fund/rules'
import { checkFundSequence, type FundRow } from '@/domain/import/rows'
import { append, currentHead, findByRequest } from '../../fund/append'
import type { ImportDoc } from '../imports'
import { markBad, type KindRules, type PlannedRow } from '../plan'

/** The retry key of a row's ledger entry: the same row of the same import is one entry, however often it is committed. */
export const fundRequestId = (importId: string, row: number) => `import-${importId}-${row}`

/** Who an opening balance is from, as the public ledger shows it. */
const OPENING_PARTY = '期初结转'

export const fundRules: KindRules<'fund'> = {
  docId: (communityId, key) => `${communityId}:${key}`,
  // Donors' names and notes are public on the 两公开 ledger.
  publicText: (v) => [v.type === 'income' ? v.party : '', v.note].filter(Boolean).join(' '),
  async crossCheck(rows, communityId, importId) {
    const okRows = rows.filter((r) => r.state === 'ok' && r.value).map((r) => ({ row: r.row, value: r.value as FundRow }))
    const byRow = new Map(rows.map((r) => [r.row, r]))
    for (const error of checkFundSequence(okRows)) {
      const r = byRow.get(error.row)
      if (r) markBad(r, { column: error.column, message: error.message })
    }
    // An opening balance starts a ledger: it goes only into an empty one (or one this import began).
    // The opening is appended first (date order): a ledger holding it is one this import began.
    const head = await currentHead(communityId)
    const opening = okRows.find((r) => r.value.type === 'opening')
    if (head.seq > 0 && !(opening && (await findByRequest(communityId, fundRequestId(importId, opening.row))))) {
      const message = `这个社区的互助金账本已有${head.seq}笔记录：期初余额只能导入到还没有记账的账本`
      throw new AppError('INVALID_INPUT', message, { file: message })
    }
  },
}

const byDate = (a: PlannedRow<'fund'>, b: PlannedRow<'fund'>) => {
  const [x, y] = [a.value as FundRow, b.value as FundRow]
  return x.date.localeCompare(y.date) || (x.type === 'opening' ? -1 : y.type === 'opening' ? 1 : a.row - b.row)
}

/**
 * Appends the rows to the hash-chained ledger through the fund's own `append`, one after another
 * in date order (each entry's hash covers the one before), each once by its request id.
 */
export async function writeFund(rows: PlannedRow<'fund'>[], doc: ImportDoc): Promise<number> {
  let added = 0
  for (const r of [...rows].sort(byDate)) {
    const v = r.value as FundRow
    const kind = v.type === 'expense' ? 'expense' : 'income'
    const party = v.type === 'opening' ? OPENING_PARTY : v.party
    const { created } = await append(doc.communityId, fundRequestId(doc._id, r.row), (head) => {
      if (kind === 'expense' && v.amountFen > head.balanceFen) throw new AppError('CONFLICT', `第${r.row}行：余额不足，不能支出这笔钱`)
      return {
        kind,
        amountFen: v.amountFen,
        date: v.date,
        category: v.category,
        partyShown: shownParty(kind, party),
        channel: '其他',
        reference: v.type === 'opening' ? '期初余额' : `导入第${r.row}行`,
        note: v.note,
        projectId: null,
        reverses: null,
        party,
        aidId: null,
        recordedBy: doc.by,
        recordedByName: doc.byName,
      }
    })
    if (created) added++
  }
  return added
}
