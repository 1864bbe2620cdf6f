import { volunteerInputs } from '@/domain/volunteer/contract'
import { communityNames } from '../../_kit/communities'
import { action } from '../../_kit/define-function'
import { recentEntries, totalsOf } from '../../_kit/ledger'
import { findVolunteer, toProfile } from '../volunteers'

export const mine = action({
  input: volunteerInputs.mine,
  audience: 'anyone',
  // The profile and the latest ledger entries, beside the caller's record.
  preload: (_input, openid) => Promise.all([findVolunteer({ openid }), recentEntries(openid, 5)]),
  async handler(_input, _ctx, [doc, recent]) {
    if (!doc) return { profile: null, totals: null, recent: [] }
    const names = await communityNames([doc.communityId])
    return { profile: toProfile(doc, names.get(doc.communityId) ?? '', true), totals: totalsOf(doc), recent }
  },
})
