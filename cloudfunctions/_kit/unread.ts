import { collections, db } from './cloud'

/** How many of a person's inbox messages are unread: the 我的 tab's badge. One request. */
export const unreadCount = async (openid: string): Promise<number> => (await db.collection(collections.inbox).where({ openid, read: false }).count()).total
