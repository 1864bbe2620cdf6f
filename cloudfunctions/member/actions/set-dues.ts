import { plainYuan } from '@/domain/fund/rules'
import { memberInputs } from '@/domain/member/contract'
import { _, collections, db } from '../../_kit/cloud'
import { requireCommunity } from '../../_kit/communities'
import { action } from '../../_kit/define-function'
import { changeKey } from '../../_kit/audit'

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
  audit: (input) => ({ communityId: input.communityId, target: input.communityId, summary: `设置会费：成人 ${plainYuan(input.adultFen)} 元、青少年 ${plainYuan(input.youthFen)} 元`, key: changeKey(input.communityId, input) }),
})
