import { memberInputs } from '@/domain/member/contract'
import { _, collections, db } from '../../_kit/cloud'
import { requireCommunity } from '../../_kit/communities'
import { action } from '../../_kit/define-function'

/** A community's yearly dues for adult and youth members, set by its staff within the 办法's caps (checked by the schema). */
export const setDues = action({
  input: memberInputs.setDues,
  audience: ['staff'],
  async handler({ communityId, adultFen, youthFen }, ctx) {
    await requireCommunity(communityId)
    await ctx.requireStaffOf(communityId)
    const dues = { adultFen, youthFen }
    await db.collection(collections.communities).where({ _id: communityId }).update({ data: { dues: _.set(dues) } })
    return dues
  },
})
