import { notifyInputs, type NotifySetting } from '@/domain/notify/contract'
import { NOTIFY_KIND_NAMES, NOTIFY_KINDS } from '@/domain/notify/kinds'
import { action } from '../../_kit/define-function'
import { collections, db, isDuplicateKey } from '../../_kit/cloud'
import type { NotifySettingsDoc } from '../../_kit/notify'

const subscriptions = () => db.collection(collections.subscriptions)

export async function settingsOf(openid: string): Promise<NotifySetting[]> {
  const { data } = await subscriptions().where({ _id: openid }).get<NotifySettingsDoc>()
  const off = data[0]?.off ?? {}
  return NOTIFY_KIND_NAMES.map((kind) => ({ kind, title: NOTIFY_KINDS[kind].title, essential: NOTIFY_KINDS[kind].essential, on: off[kind] !== true }))
}

export const settings = action({
  input: notifyInputs.settings,
  audience: 'anyone',
  handler: (_input, { openid }) => settingsOf(openid).then((items) => ({ items })),
})

/** Turns one kind on or off for the caller; saying the same twice changes nothing. */
export const setKind = action({
  input: notifyInputs.setKind,
  audience: 'anyone',
  async handler({ kind, on }, { openid }) {
    const write = () => subscriptions().where({ _id: openid }).update({ data: { [`off.${kind}`]: !on } })
    // No record yet (nothing granted, nothing set): created with this setting. A concurrent
    // first call may create it first (same _id): then it is updated instead.
    const exists = (await subscriptions().where({ _id: openid }).count()).total > 0
    if (exists) await write()
    else {
      try {
        await subscriptions().add({ data: { _id: openid, grants: {}, off: { [kind]: !on } } })
      } catch (error) {
        if (!isDuplicateKey(error)) throw error
        await write()
      }
    }
    return { items: await settingsOf(openid) }
  },
})
