import type { NotifyApi } from '@/domain/notify/contract'
import { createClient } from './cloud-client'

const client = createClient<NotifyApi>('notify')

export const notifyService = {
  inbox: (page = 1, pageSize = 20) => client('inbox', { page, pageSize }),
  unread: () => client('unread', {}),
  markRead: (messageIds: string[]) => client('markRead', { messageIds }),
  subscribed: (results: Record<string, string>) => client('subscribed', { results }),
  templates: () => client('templates', {}),
}
