import { kindOfTemplate, type NotifyKind } from '@/domain/notify/kinds'
import { notifyInputs } from '@/domain/notify/contract'
import { action } from '../../_kit/define-function'
import { _, collections, db } from '../../_kit/cloud'

type SubscriptionDoc = { _id: string; grants: Partial<Record<NotifyKind, number>> }

/** Records the one-time subscriptions a person just granted (each allows one message). */
export const subscribed = action({
  input: notifyInputs.subscribed,
  audience: 'anyone',
  async handler({ results }, { openid }) {
    const accepted = Object.entries(results)
      .filter(([, answer]) => answer === 'accept')
      .map(([templateId]) => kindOfTemplate(templateId))
      .filter((kind): kind is NotifyKind => !!kind)
    const subscriptions = db.collection(collections.subscriptions)
    if (accepted.length > 0) {
      const increments = Object.fromEntries(accepted.map((kind) => [`grants.${kind}`, _.inc(1)]))
      const { stats } = await subscriptions.where({ _id: openid }).update({ data: increments })
      if (stats.updated === 0) {
        const grants = Object.fromEntries(accepted.map((kind) => [kind, 1]))
        try {
          await subscriptions.add({ data: { _id: openid, grants } })
        } catch {
          // Another call created the record first; add to it instead.
          await subscriptions.where({ _id: openid }).update({ data: increments })
        }
      }
    }
    const { data } = await subscriptions.where({ _id: openid }).get()
    return { grants: (data[0] as SubscriptionDoc | undefined)?.grants ?? {} }
  },
})
