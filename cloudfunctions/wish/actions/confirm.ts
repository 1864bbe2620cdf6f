import { wishInputs } from '@/domain/wish/contract'
import { action } from '../../_kit/define-function'
import { requireWish } from '../load'
import { transition } from '../transition'
import { partyOf, toDetail } from '../wishes'

/**
 * The owner confirms, optionally with a 感谢信: the wish is completed. The hours the volunteer
 * reported wait for staff of the community (`approveHours`): an owner's word alone credits
 * nothing (民政部令第67号 2020: 谁记录谁证明), so made-up owners cannot mint hours.
 * Safe to retry: confirming a wish already completed answers as before.
 */
export const confirm = action({
  input: wishInputs.confirm,
  audience: 'anyone',
  preload: ({ wishId }) => requireWish(wishId),
  async handler({ thanks }, { openid }, wish) {
    const owner = partyOf(wish, openid, 'owner')
    const completed =
      wish.status === 'completed' && wish.ownerOpenid === openid
        ? wish
        : await transition(wish, 'confirm', owner, { set: { thanks: thanks || null, hoursStatus: 'pending' }, note: thanks || undefined, tell: ['claimer'] })
    return toDetail(completed, owner.caller)
  },
})
