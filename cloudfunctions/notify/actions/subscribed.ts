import type { NotifyKind } from '@/domain/notify/kinds'
import { notifyInputs } from '@/domain/notify/contract'
import { action } from '../../_kit/define-function'
import { _, collections, db } from '../../_kit/cloud'
import { kindOfTemplate, type NotifySettingsDoc } from '../../_kit/notify'

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
      // An $inc always changes the record, so 0 updated means there is none yet. The record is
      // created with a `grants` object, never null, so the dotted paths always resolve.
      const increment = () => subscriptions.where({ _id: openid }).update({ data: increments })
      if ((await increment()).stats.updated === 0) {
        try {
          await subscriptions.add({ data: { _id: openid, grants: Object.fromEntries(accepted.map((kind) => [kind, 1])) } })
        } catch (error) {
          // Another call created the record first (same _id): add to it instead.
          if ((await increment()).stats.updated === 0) throw error
        }
      }
    }
    const { data } = await subscriptions.where({ _id: openid }).get()
    return { grants: (data[0] as NotifySettingsDoc | undefined)?.grants ?? {} }
  },
})
