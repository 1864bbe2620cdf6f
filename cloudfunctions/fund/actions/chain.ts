import { fundInputs } from '@/domain/fund/contract'
import { requireCommunity } from '../../_kit/communities'
import { action } from '../../_kit/define-function'
import { currentHead } from '../append'
import { readChain } from '../chain-read'
import { statementsOf } from '../statements'

/** Entries answered per call for the phone's own check: about 250 KB. */
const CHAIN_PAGE = 500

/** The public chain in order, a page at a time, so the phone checks it itself (互助金公开 → 已核验). */
export const chain = action({
  input: fundInputs.chain,
  audience: 'anyone',
  async handler({ communityId, afterSeq }) {
    await requireCommunity(communityId)
    const [head, statements] = await Promise.all([currentHead(communityId), statementsOf(communityId)])
    const until = Math.min(head.seq, afterSeq + CHAIN_PAGE)
    const items = await readChain(communityId, afterSeq, until)
    return { items, head: { seq: head.seq, hash: head.hash }, statements, more: until < head.seq }
  },
})
