import { NOTIFY_KIND_NAMES, NOTIFY_KINDS } from '@/domain/notify/kinds'
import { notifyInputs } from '@/domain/notify/contract'
import { action } from '../../_kit/define-function'
import { templateIdOf } from '../../_kit/notify'
import { settingsOf } from './settings'

/** The configured template of every kind (ids differ per deployment), and whether the caller has it on. */
export const templates = action({
  input: notifyInputs.templates,
  audience: 'anyone',
  async handler(_input, { openid }) {
    const on = new Map((await settingsOf(openid)).map((setting) => [setting.kind, setting.on]))
    return { items: NOTIFY_KIND_NAMES.map((kind) => ({ kind, templateId: templateIdOf(kind), title: NOTIFY_KINDS[kind].title, on: on.get(kind) ?? true })) }
  },
})
