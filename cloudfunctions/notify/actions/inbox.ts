import type { InboxMessage } from '@/domain/notify/contract'
import { notifyInputs } from '@/domain/notify/contract'
import { action } from '../../_kit/define-function'
import { collections, db } from '../../_kit/cloud'
import { toIso } from '../../_kit/dates'
import { unreadCount } from '../../_kit/unread'

type InboxDoc = Omit<InboxMessage, 'createdAt'> & { openid: string; createdAt: Date }

export const inbox = action({
  input: notifyInputs.inbox,
  audience: 'anyone',
  async handler({ page, pageSize }, { openid }) {
    const mine = db.collection(collections.inbox).where({ openid })
    const [{ data }, { total }, unread] = await Promise.all([
      mine.orderBy('createdAt', 'desc').skip((page - 1) * pageSize).limit(pageSize).get(),
      mine.count(),
      unreadCount(openid),
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
  handler: async (_input, { openid }) => ({ unread: await unreadCount(openid) }),
})
