import { volunteerInputs } from '@/domain/volunteer/contract'
import { action } from '../../_kit/define-function'
import { ledger, toEntries, type LedgerDoc } from '../../_kit/ledger'
import { readPage } from '../../_kit/pages'

/** The caller's credits and corrections, newest first. */
export const ledgerPage = action({
  input: volunteerInputs.ledger,
  audience: 'anyone',
  async handler({ page, pageSize }, { openid }) {
    const { docs, hasMore } = await readPage<LedgerDoc>(ledger().where({ openid }).orderBy('at', 'desc'), page, pageSize)
    return { items: await toEntries(docs), hasMore, page, pageSize }
  },
})
