import { wishInputs } from '@/domain/wish/contract'
import { action } from '../../_kit/define-function'
import { requireOwnFiles } from '../../_kit/uploads'
import { applyEarlyVerdicts, requestImageChecks } from '../../_kit/photo-checks'
import { freeClaimSlot } from '../claim-slots'
import { requireWish } from '../load'
import { transition } from '../transition'
import { partyOf, toDetail } from '../wishes'

/** The claimer says it is done, with a note, up to 3 photos and the time it took; the owner is asked to confirm. */
export const fulfil = action({
  input: wishInputs.fulfil,
  audience: 'anyone',
  async handler({ wishId, note, photos, minutes }, { openid }) {
    requireOwnFiles(openid, photos)
    const wish = await requireWish(wishId)
    const claimer = partyOf(wish, openid, 'claimer')
    const checked = await requestImageChecks(photos, openid)
    const done = await transition(wish, 'fulfil', claimer, { set: { fulfilment: { note, photos: checked, at: new Date(), minutes } }, note, tell: ['owner'] })
    await applyEarlyVerdicts(checked)
    // The work is done: the slot is free for another wish.
    await freeClaimSlot(openid, wish._id)
    return toDetail(done, claimer.caller)
  },
})
