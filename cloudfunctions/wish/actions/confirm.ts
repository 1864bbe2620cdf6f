import { wishInputs } from '@/domain/wish/contract'
import { POINTS_PER_HOUR } from '@/domain/wish/rules'
import { _, collections, db } from '../../_kit/cloud'
import { action } from '../../_kit/define-function'
import { ownedId } from '../../_kit/ids'
import { requireWish } from '../load'
import { transition } from '../transition'
import { partyOf, toDetail, type WishDoc } from '../wishes'

/**
 * Credits the claimer with the wish's hours, once: the credit is recorded under the wish's id in
 * the same conditional update that adds the hours, so a retry (or two at once) adds nothing more.
 */
async function creditClaimer(wish: WishDoc): Promise<void> {
  if (!wish.claimerOpenid) return
  const credit = `wishCredits.${wish._id}`
  await db
    .collection(collections.volunteers)
    .where({ _id: ownedId('vo', wish.claimerOpenid), [credit]: _.exists(false) })
    .update({ data: { hours: _.inc(wish.hours), points: _.inc(wish.hours * POINTS_PER_HOUR), [credit]: wish.hours } })
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
