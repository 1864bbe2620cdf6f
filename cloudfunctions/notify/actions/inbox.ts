import type { InboxMessage } from '@/domain/notify/contract'
import { notifyInputs } from '@/domain/notify/contract'
import { action } from '../../_kit/define-function'
import { collections, db } from '../../_kit/cloud'
import { toIso } from '../../_kit/dates'

type InboxDoc = Omit<InboxMessage, 'createdAt'> & { openid: string; createdAt: Date }

const unreadOf = async (openid: string) => (await db.collection(collections.inbox).where({ openid, read: false }).count()).total

export const inbox = action({
  input: notifyInputs.inbox,
  audience: 'anyone',
  async handler({ page, pageSize }, { openid }) {
    const mine = db.collection(collections.inbox).where({ openid })
    const [{ data }, { total }, unread] = await Promise.all([
      mine.orderBy('createdAt', 'desc').skip((page - 1) * pageSize).limit(pageSize).get(),
      mine.count(),
      unreadOf(openid),
    ])
    const items = (data as InboxDoc[]).map(({ _id, kind, title, body, page: target, read, createdAt }) => ({
      _id, kind, title, body, page: target, read, createdAt: toIso(createdAt),
    }))
    return { items, total, page, pageSize, unread }
  },
})

/** Just the unread count (the tab badge), in one request. */
export const unread = action({
  input: notifyInputs.unread,
  audience: 'anyone',
  handler: async (_input, { openid }) => ({ unread: await unreadOf(openid) }),
})
