import { notifyInputs } from '@/domain/notify/contract'
import { action } from '../../_kit/define-function'
import { _, collections, db } from '../../_kit/cloud'

export const markRead = action({
  input: notifyInputs.markRead,
  audience: 'anyone',
  async handler({ messageIds }, { openid }) {
    if (messageIds.length === 0) return { updated: 0 }
    // Scoped by openid: nobody marks someone else's messages.
    const { stats } = await db
      .collection(collections.inbox)
      .where({ openid, _id: _.in(messageIds), read: false })
      .update({ data: { read: true } })
    return { updated: stats.updated }
  },
})

/** 全部已读: every unread message of the caller. */
export const markAllRead = action({
  input: notifyInputs.markAllRead,
  audience: 'anyone',
  async handler(_input, { openid }) {
    const { stats } = await db.collection(collections.inbox).where({ openid, read: false }).update({ data: { read: true } })
    return { updated: stats.updated }
  },
})
