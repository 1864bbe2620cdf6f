import { memberInputs } from '@/domain/member/contract'
import { action } from '../../_kit/define-function'
import { communityFacts, findApplication, toCard, toView, UNKNOWN_COMMUNITY } from '../applications'

/** The caller's own application and, once approved, their member card (ID masked). */
export const mine = action({
  input: memberInputs.mine,
  audience: 'anyone',
  async handler(_input, { openid }) {
    const doc = await findApplication({ openid })
    if (!doc) return { application: null, card: null }
    const community = (await communityFacts([doc.communityId])).get(doc.communityId) ?? UNKNOWN_COMMUNITY
    return { application: toView(doc, community, { idNumber: false, phone: true }), card: toCard(doc, community) }
  },
})
