import { wishInputs } from '@/domain/wish/contract'
import { action } from '../../_kit/define-function'
import { requireOwnFiles } from '../../_kit/uploads'
import { applyEarlyVerdicts, requestImageChecks } from '../../_kit/photo-checks'
import { claimStandingOf, freeClaimSlot, slotHolding } from '../claim-slots'
import { requireWish } from '../load'
import { transition } from '../transition'
import { partyOf, toDetail } from '../wishes'

/** The claimer says it is done, with a note, up to 3 photos and the time it took; the owner is asked to confirm. */
export const fulfil = action({
  input: wishInputs.fulfil,
  audience: 'anyone',
  // The wish and the claimer's slots (which one it holds), beside the caller's record.
  preload: ({ wishId }, openid) => Promise.all([requireWish(wishId), claimStandingOf(openid)]),
  async handler({ note, photos, minutes }, { openid }, [wish, standing]) {
    requireOwnFiles(openid, photos)
    const claimer = partyOf(wish, openid, 'claimer')
    const checked = await requestImageChecks(photos, openid)
    const done = await transition(wish, 'fulfil', claimer, {
      set: { fulfilment: { note, photos: checked, at: new Date(), minutes } },
      note,
      tell: ['owner'],
      // Once stored, verdicts that came early apply; the work is done, so the slot is free for another wish.
      alongside: () => Promise.all([applyEarlyVerdicts(checked), freeClaimSlot(openid, wish._id, slotHolding(standing?.claimSlots, wish._id))]),
    })
    return toDetail(done, claimer.caller)
  },
})
