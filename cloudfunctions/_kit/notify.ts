import { NOTIFY_KINDS, type NotifyKind, type NotifyPayloads } from '@/domain/notify/kinds'
import { _, cloud, collections, db } from './cloud'

/** Spends one of the person's granted one-time subscriptions for this kind, if any is left. */
async function spendGrant(openid: string, kind: NotifyKind): Promise<boolean> {
  const path = `grants.${kind}`
  const { stats } = await db
    .collection(collections.subscriptions)
    .where({ _id: openid, [path]: _.gt(0) })
    .update({ data: { [path]: _.inc(-1) } })
  return stats.updated === 1
}

/**
 * Tells a person something: always into the in-app inbox, and as a WeChat subscribe message when
 * they have granted one for this kind. A failed send never fails the caller's action.
 */
export async function notify<K extends NotifyKind>(
  openid: string,
  kind: K,
  payload: NotifyPayloads[K],
): Promise<{ inboxId: string; sent: boolean }> {
  const spec = NOTIFY_KINDS[kind]
  const { _id } = await db.collection(collections.inbox).add({
    data: { openid, kind, title: spec.title, body: spec.body(payload), page: spec.page, read: false, createdAt: db.serverDate() },
  })
  let sent = false
  if (await spendGrant(openid, kind)) {
    try {
      await cloud.openapi.subscribeMessage.send({
        touser: openid,
        templateId: spec.templateId,
        page: spec.page,
        data: spec.template(payload),
      })
      sent = true
    } catch (error) {
      console.warn(`[notify] subscribe message ${kind} not sent`, error instanceof Error ? error.message : error)
    }
  }
  return { inboxId: String(_id), sent }
}
