import { memberInputs } from '@/domain/member/contract'
import { communityNames } from '../../_kit/communities'
import { action } from '../../_kit/define-function'
import { findApplication, toCard, toView } from '../applications'

/** The caller's own application and, once approved, their member card (ID masked). */
export const mine = action({
  input: memberInputs.mine,
  audience: 'anyone',
  async handler(_input, { openid }) {
    const doc = await findApplication({ openid })
    if (!doc) return { application: null, card: null }
    const name = (await communityNames([doc.communityId])).get(doc.communityId) ?? ''
    return { application: toView(doc, name, { idNumber: false, phone: true }), card: toCard(doc, name) }
  },
})
