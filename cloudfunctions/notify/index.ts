import type { NotifyApi } from '@/domain/notify/contract'
import { defineFunction } from '../_kit/define-function'
import { inbox, unread } from './actions/inbox'
import { markAllRead, markRead } from './actions/mark-read'
import { setKind, settings } from './actions/settings'
import { subscribed } from './actions/subscribed'
import { setup, templates } from './actions/templates'

export const main = defineFunction<NotifyApi>('notify', { inbox, unread, markRead, markAllRead, subscribed, templates, setup, settings, setKind })
