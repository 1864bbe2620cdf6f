import * as v from 'valibot'
import type { ActionSpec, Page } from '../contract'
import { fields } from '../validation'
import { NOTIFY_KIND_NAMES, type NotifyKind } from './kinds'

export type InboxMessage = {
  _id: string
  kind: NotifyKind
  title: string
  body: string
  page: string
  read: boolean
  createdAt: string
}

/**
 * A subscribe template of this deployment: kinds without a configured id are left out. `on`: the
 * person has not turned the kind off (never asked for); `longTerm`: a long-term template, never
 * asked for with one-time ones.
 */
export type SubscribeTemplate = { kind: NotifyKind; templateId: string; title: string; on: boolean; longTerm: boolean }

/** One line of 消息设置: an essential kind turned off still reaches the inbox. */
export type NotifySetting = { kind: NotifyKind; title: string; essential: boolean; on: boolean }

/** What is missing from this deployment's subscribe-message setting (domain/notify/deployment). */
export type NotifySetupReport = {
  missing: Array<{ kind: NotifyKind; title: string }>
  /** The version a tapped message opens: developer / trial / formal. */
  miniprogramState: string
  problems: string[]
}

export const notifyInputs = {
  inbox: v.object({ page: fields.page, pageSize: fields.pageSize }),
  unread: v.object({}),
  templates: v.object({}),
  setup: v.object({}),
  markRead: v.object({ messageIds: v.pipe(v.array(fields.id('消息编号'), '消息编号格式不正确'), v.maxLength(50, '一次最多 50 条')) }),
  /** What `requestSubscribeMessage` answered, template id → 'accept' | 'reject' | …. */
  subscribed: v.object({ results: v.record(v.pipe(v.string(), v.maxLength(64)), v.string(), '订阅结果格式不正确') }),
  markAllRead: v.object({}),
  settings: v.object({}),
  setKind: v.object({ kind: v.picklist(NOTIFY_KIND_NAMES, '没有这种消息'), on: v.boolean('请选择开或关') }),
}

export type NotifyApi = {
  inbox: ActionSpec<v.InferInput<typeof notifyInputs.inbox>, Page<InboxMessage> & { unread: number }>
  unread: ActionSpec<v.InferInput<typeof notifyInputs.unread>, { unread: number }>
  /** The subscribe templates of this deployment, so the app asks for exactly these. */
  templates: ActionSpec<v.InferInput<typeof notifyInputs.templates>, { items: SubscribeTemplate[] }>
  /** For staff (工作台): the kinds without a template id, so no message is lost unnoticed. */
  setup: ActionSpec<v.InferInput<typeof notifyInputs.setup>, NotifySetupReport>
  markRead: ActionSpec<v.InferInput<typeof notifyInputs.markRead>, { updated: number }>
  markAllRead: ActionSpec<v.InferInput<typeof notifyInputs.markAllRead>, { updated: number }>
  subscribed: ActionSpec<v.InferInput<typeof notifyInputs.subscribed>, { grants: Partial<Record<NotifyKind, number>> }>
  /** The caller's 消息设置, every kind in catalogue order. */
  settings: ActionSpec<v.InferInput<typeof notifyInputs.settings>, { items: NotifySetting[] }>
  setKind: ActionSpec<v.InferInput<typeof notifyInputs.setKind>, { items: NotifySetting[] }>
}
