import { NOTIFY_KIND_NAMES, NOTIFY_KINDS, type NotifyKind } from '@/domain/notify/kinds'
import { notifyInputs } from '@/domain/notify/contract'
import { action } from '../../_kit/define-function'
import { isLongTerm, notifySetting } from '../../_kit/notify'
import { settingsOf } from './settings'

/** The configured template of every kind that has one (ids differ per deployment), and whether the caller has it on. */
export const templates = action({
  input: notifyInputs.templates,
  audience: 'anyone',
  async handler(_input, { openid }) {
    const on = new Map((await settingsOf(openid)).map((setting) => [setting.kind, setting.on]))
    const { ids } = notifySetting().templates
    const configured = NOTIFY_KIND_NAMES.filter((kind): kind is NotifyKind => ids[kind] !== undefined)
    return { items: configured.map((kind) => ({ kind, templateId: ids[kind] as string, title: NOTIFY_KINDS[kind].title, on: on.get(kind) ?? true, longTerm: isLongTerm(kind) })) }
  },
})

/**
 * For staff: the kinds this deployment has no template id for, and what else is wrong with the
 * setting. Those kinds still reach the inbox, but no WeChat message; 工作台 says so instead of the
 * messages vanishing unnoticed. It reads the `notify` function's own environment: the README has
 * the same value set on every function that sends.
 */
export const setup = action({
  input: notifyInputs.setup,
  audience: ['staff'],
  audit: 'read',
  async handler() {
    const { templates, state, problems } = notifySetting()
    return { missing: templates.missing.map((kind) => ({ kind, title: NOTIFY_KINDS[kind].title })), miniprogramState: state, problems }
  },
})
