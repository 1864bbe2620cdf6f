import { volunteerInputs } from '@/domain/volunteer/contract'
import { action } from '../../_kit/define-function'
import { ledger, toEntries, type LedgerDoc } from '../../_kit/ledger'

/** The caller's credits and corrections, newest first. */
export const ledgerPage = action({
  input: volunteerInputs.ledger,
  audience: 'anyone',
  async handler({ page, pageSize }, { openid }) {
    const [{ total }, { data }] = await Promise.all([
      ledger().where({ openid }).count(),
      ledger().where({ openid }).orderBy('at', 'desc').skip((page - 1) * pageSize).limit(pageSize).get<LedgerDoc>(),
    ])
    return { items: await toEntries(data), total, page, pageSize }
  },
})
