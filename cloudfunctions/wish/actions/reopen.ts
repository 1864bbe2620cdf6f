import dayjs from 'dayjs'
import { wishInputs } from '@/domain/wish/contract'
import { DEFAULT_CLAIM_DAYS } from '@/domain/wish/rules'
import { settingOf } from '../../_kit/communities'
import { action } from '../../_kit/define-function'
import { requireWish } from '../load'
import { transition } from '../transition'
import { partyOf, toDetail, volunteerPhone } from '../wishes'

/**
 * 未完成: the owner says a "fulfilled" wish is not done yet, with what is missing. It goes back to
 * the same volunteer (claimed, with a fresh deadline) and they are told. A retry after it went
 * through answers the wish as it is.
 */
export const reopen = action({
  input: wishInputs.reopen,
  audience: 'anyone',
  preload: ({ wishId }) => requireWish(wishId),
  async handler({ note }, { openid }, wish) {
    const owner = partyOf(wish, openid, 'owner')
    const last = wish.history[wish.history.length - 1]
    if (wish.status === 'claimed' && last?.action === 'reopen' && last.by === openid && last.note === note) return toDetail(wish, owner.caller)
    // The claimer's phone, shown to the owner once it is claimed again, is read beside the claim period.
    const [claimDays, claimerPhone] = await Promise.all([settingOf(wish.communityId, 'wishClaimDays', DEFAULT_CLAIM_DAYS), wish.claimerOpenid ? volunteerPhone(wish.claimerOpenid) : null])
    const reopened = await transition(wish, 'reopen', owner, {
      set: { fulfilment: null, claimDeadline: dayjs().add(claimDays, 'day').toDate() },
      note,
      tell: ['claimer'],
    })
    return toDetail(reopened, owner.caller, { claimerPhone })
  },
})
