import type { InboxMessage } from '@/domain/notify/contract'
import { notifyInputs } from '@/domain/notify/contract'
import { action } from '../../_kit/define-function'
import { collections, db } from '../../_kit/cloud'
import { toIso } from '../../_kit/dates'
import { unreadCount } from '../../_kit/unread'
import { readPage } from '../../_kit/pages'

type InboxDoc = Omit<InboxMessage, 'createdAt'> & { openid: string; createdAt: Date }

export const inbox = action({
  input: notifyInputs.inbox,
  audience: 'anyone',
  async handler({ page, pageSize }, { openid }) {
    const mine = db.collection(collections.inbox).where({ openid })
    const [{ docs, hasMore }, unread] = await Promise.all([readPage<InboxDoc>(mine.orderBy('createdAt', 'desc'), page, pageSize), unreadCount(openid)])
    const items = docs.map(({ _id, kind, title, body, page: target, read, createdAt }) => ({
      _id, kind, title, body, page: target, read, createdAt: toIso(createdAt),
    }))
    return { items, hasMore, page, pageSize, unread }
  },
})

/** Just the unread count (the tab badge), in one request. */
export const unread = action({
  input: notifyInputs.unread,
  audience: 'anyone',
  handler: async (_input, { openid }) => ({ unread: await unreadCount(openid) }),
})
