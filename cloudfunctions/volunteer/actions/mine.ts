import { volunteerInputs } from '@/domain/volunteer/contract'
import { communityNames } from '../../_kit/communities'
import { action } from '../../_kit/define-function'
import { recentEntries, totalsOf } from '../../_kit/ledger'
import { findVolunteer, toProfile } from '../volunteers'

export const mine = action({
  input: volunteerInputs.mine,
  audience: 'anyone',
  async handler(_input, { openid }) {
    const doc = await findVolunteer({ openid })
    if (!doc) return { profile: null, totals: null, recent: [] }
    const names = await communityNames([doc.communityId])
    return { profile: toProfile(doc, names.get(doc.communityId) ?? '', true), totals: totalsOf(doc), recent: await recentEntries(openid, 5) }
  },
})
