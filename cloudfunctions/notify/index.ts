import type { NotifyApi } from '@/domain/notify/contract'
import { defineFunction } from '../_kit/define-function'
import { inbox, unread } from './actions/inbox'
import { markRead } from './actions/mark-read'
import { subscribed } from './actions/subscribed'
import { templates } from './actions/templates'

export const main = defineFunction<NotifyApi>('notify', { inbox, unread, markRead, subscribed, templates })
