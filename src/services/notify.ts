import type { NotifyApi } from '@/domain/notify/contract'
import type { NotifyKind } from '@/domain/notify/kinds'
import { createClient } from './cloud-client'

const client = createClient<NotifyApi>('notify')

export const notifyService = {
  inbox: (page = 1, pageSize = 20) => client('inbox', { page, pageSize }),
  markRead: (messageIds: string[]) => client('markRead', { messageIds }),
  markAllRead: () => client('markAllRead', {}),
  settings: () => client('settings', {}),
  setKind: (kind: NotifyKind, on: boolean) => client('setKind', { kind, on }),
  subscribed: (results: Record<string, string>) => client('subscribed', { results }),
  setup: () => client('setup', {}),
}
