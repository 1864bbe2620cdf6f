import { NOTIFY_KIND_NAMES, NOTIFY_KINDS, type NotifyKind } from '@/domain/notify/kinds'
import type { SubscribeTemplate } from '@/domain/notify/contract'
import { isLongTerm, notifySetting } from '../_kit/notify'
import { settingsOf } from './actions/settings'

/**
 * The configured template of every kind that has one (ids differ per deployment), and whether the
 * person has it on: one read (their 消息设置). Used by `notify.templates` and by `user.open`.
 */
export async function subscribeTemplates(openid: string): Promise<SubscribeTemplate[]> {
  const on = new Map((await settingsOf(openid)).map((setting) => [setting.kind, setting.on]))
  const { ids } = notifySetting().templates
  const configured = NOTIFY_KIND_NAMES.filter((kind): kind is NotifyKind => ids[kind] !== undefined)
  return configured.map((kind) => ({ kind, templateId: ids[kind] as string, title: NOTIFY_KINDS[kind].title, on: on.get(kind) ?? true, longTerm: isLongTerm(kind) }))
}
