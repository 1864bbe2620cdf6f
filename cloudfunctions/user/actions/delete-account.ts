import { userInputs } from '@/domain/user/contract'
import { _, collections, db } from '../../_kit/cloud'
import { action } from '../../_kit/define-function'
import { ownedId } from '../../_kit/ids'

/** How an erased person appears where their part must stay (a wish others helped with). */
const ERASED_NAME = '已注销用户'

/**
 * 注销账号 (DESIGN §4): the membership application (with its sealed ID number), the volunteer
 * profile, messages, subscriptions, reading progress and the user record are erased; wishes stay
 * for the people who helped, without the person's name or phone, and those still waiting are
 * withdrawn. Every step is by the caller's own keys, so a retry after a failure finishes the rest.
 */
export const deleteAccount = action({
  input: userInputs.deleteAccount,
  audience: 'anyone',
  async handler(_input, { openid }) {
    const wishes = db.collection(collections.wishes)
    await wishes.where({ ownerOpenid: openid, status: _.in(['pending_review', 'open', 'claimed']) }).update({ data: { status: 'cancelled', rank: 6 } })
    await wishes.where({ ownerOpenid: openid }).update({ data: { ownerName: ERASED_NAME, contactPhone: '' } })
    await wishes.where({ claimerOpenid: openid, status: _.in(['claimed', 'fulfilled', 'completed']) }).update({ data: { claimerName: ERASED_NAME } })
    await Promise.all([
      db.collection(collections.applications).where({ openid }).remove(),
      db.collection(collections.volunteers).where({ _id: ownedId('vo', openid) }).remove(),
      db.collection(collections.inbox).where({ openid }).remove(),
      db.collection(collections.subscriptions).where({ _id: openid }).remove(),
      db.collection(collections.lessonProgress).where({ openid }).remove(),
    ])
    // Last: while it exists, a retry still knows what to finish.
    await db.collection(collections.users).where({ _id: openid }).remove()
    return { deleted: true as const }
  },
})
