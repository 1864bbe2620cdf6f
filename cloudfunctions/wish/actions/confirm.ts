import { wishInputs } from '@/domain/wish/contract'
import { ledgerEntryId } from '@/domain/volunteer/ledger'
import { action } from '../../_kit/define-function'
import { credit } from '../../_kit/ledger'
import { requireWish } from '../load'
import { transition } from '../transition'
import { partyOf, toDetail, type WishDoc } from '../wishes'

/** Credits the claimer with the wish's hours through the ledger: once, however often confirm is retried. */
async function creditClaimer(wish: WishDoc): Promise<void> {
  if (!wish.claimerOpenid) return
  await credit({
    _id: ledgerEntryId.wish(wish._id),
    openid: wish.claimerOpenid,
    source: 'wish',
    sourceId: wish._id,
    title: wish.title,
    hours: wish.hours,
    reason: '心愿主人确认完成',
    communityId: wish.communityId,
    creditedBy: wish.ownerOpenid,
    creditedByName: wish.ownerName,
  })
}

/**
 * The owner confirms, optionally with a 感谢信; the claimer is credited service hours and points.
 * Safe to retry: confirming a wish already completed finishes the crediting and answers as before.
 */
export const confirm = action({
  input: wishInputs.confirm,
  audience: 'anyone',
  async handler({ wishId, thanks }, { openid }) {
    const wish = await requireWish(wishId)
    const owner = partyOf(wish, openid, 'owner')
    const completed =
      wish.status === 'completed' && wish.ownerOpenid === openid
        ? wish
        : await transition(wish, 'confirm', owner, { set: { thanks: thanks || null }, note: thanks || undefined, tell: ['claimer'] })
    await creditClaimer(completed)
    return toDetail(completed, owner.caller)
  },
})
