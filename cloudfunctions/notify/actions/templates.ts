import { NOTIFY_KINDS } from '@/domain/notify/kinds'
import { notifyInputs } from '@/domain/notify/contract'
import { action } from '../../_kit/define-function'
import { notifySetting } from '../../_kit/notify'
import { subscribeTemplates } from '../templates'

/** The configured template of every kind that has one, and whether the caller has it on (the app gets them with `user.open`). */
export const templates = action({
  input: notifyInputs.templates,
  audience: 'anyone',
  handler: async (_input, { openid }) => ({ items: await subscribeTemplates(openid) }),
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
