import { checkChain } from '@/domain/fund/chain'
import { fundInputs } from '@/domain/fund/contract'
import { todayInChina } from '@/domain/dates'
import { requireCommunity } from '../../_kit/communities'
import { action } from '../../_kit/define-function'
import { currentHead } from '../append'
import { readChain } from '../chain-read'
import { entryIdOf } from '../ledger-docs'
import { freezeMonthIfDue, statementsOf } from '../statements'

/** Anyone re-checks a community's whole chain from the stored entries and hears where it breaks. */
export const verify = action({
  input: fundInputs.verify,
  audience: 'anyone',
  // The community and its ledger's head, beside the caller's record.
  preload: ({ communityId }) => Promise.all([requireCommunity(communityId), currentHead(communityId)]),
  async handler({ communityId }, _ctx, [, head]) {
    await freezeMonthIfDue(head, todayInChina())
    const [entries, statements] = await Promise.all([readChain(communityId, 0, head.seq), statementsOf(communityId)])
    const result = checkChain(entries, statements, { seq: head.seq, hash: head.hash })
    return { ok: result.ok, checked: result.checked, headHash: result.headHash, ...(result.brokenAt ? { brokenAt: { ...result.brokenAt, entryId: entryIdOf(communityId, result.brokenAt.seq) } } : {}) }
  },
})
