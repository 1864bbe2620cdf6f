import { NOTIFY_KIND_NAMES, NOTIFY_KINDS } from '@/domain/notify/kinds'
import { notifyInputs } from '@/domain/notify/contract'
import { action } from '../../_kit/define-function'
import { templateIdOf } from '../../_kit/notify'

/** The configured template of every kind (ids differ per deployment). */
export const templates = action({
  input: notifyInputs.templates,
  audience: 'anyone',
  async handler() {
    return { items: NOTIFY_KIND_NAMES.map((kind) => ({ kind, templateId: templateIdOf(kind), title: NOTIFY_KINDS[kind].title })) }
  },
})
