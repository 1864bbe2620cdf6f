import { NOTIFY_KIND_NAMES, NOTIFY_KINDS, templateData, type NotifyKind, type NotifyPayloads } from '@/domain/notify/kinds'
import { _, cloud, collections, db } from './cloud'

/** WeChat's answer when the user refused or cancelled the subscription. */
const USER_REFUSED = 43101

/**
 * A kind's template id in this deployment: the function environment variable
 * `TEMPLATE_<KIND>` (e.g. `TEMPLATE_WISH_UPDATE`), else the local default of the catalogue.
 */
export function templateIdOf(kind: NotifyKind): string {
  return process.env[`TEMPLATE_${kind.toUpperCase()}`] || NOTIFY_KINDS[kind].templateId
}

export function kindOfTemplate(templateId: string): NotifyKind | undefined {
  return NOTIFY_KIND_NAMES.find((kind) => templateIdOf(kind) === templateId)
}

/**
 * Reserves one of the person's one-time grants for this kind: a conditional decrement, so two
 * notifications at once never spend more than was granted. (The filter also skips people with no
 * `grants` object, so no update path ever goes through a missing or null one.)
 */
async function reserveGrant(openid: string, kind: NotifyKind): Promise<boolean> {
  const path = `grants.${kind}`
  const { stats } = await db
    .collection(collections.subscriptions)
    .where({ _id: openid, [path]: _.gt(0) })
    .update({ data: { [path]: _.inc(-1) } })
  return stats.updated === 1
}

/**
 * A reservation the send did not use: given back, unless WeChat says the user refused, which
 * leaves no grant to keep. Only reached after a reservation, so `grants` is an object.
 */
async function releaseGrant(openid: string, kind: NotifyKind, errCode: unknown): Promise<void> {
  const path = `grants.${kind}`
  await db
    .collection(collections.subscriptions)
    .where({ _id: openid })
    .update({ data: { [path]: errCode === USER_REFUSED ? 0 : _.inc(1) } })
}

/**
 * Tells a person something: always into the in-app inbox first, then as a WeChat subscribe message
 * when they have a grant for this kind. The grant is spent only when WeChat accepts the send. A
 * failed send never fails the caller's action.
 */
export async function notify<K extends NotifyKind>(
  openid: string,
  kind: K,
  payload: NotifyPayloads[K],
): Promise<{ inboxId: string; sent: boolean }> {
  const spec = NOTIFY_KINDS[kind]
  const page = spec.page(payload)
  const { _id } = await db.collection(collections.inbox).add({
    data: { openid, kind, title: spec.title, body: spec.body(payload), page, read: false, createdAt: db.serverDate() },
  })
  const inboxId = String(_id)
  if (!(await reserveGrant(openid, kind))) return { inboxId, sent: false }
  try {
    await cloud.openapi.subscribeMessage.send({ touser: openid, templateId: templateIdOf(kind), page, data: templateData(kind, payload) })
    return { inboxId, sent: true }
  } catch (error) {
    const errCode = (error as { errCode?: unknown } | null)?.errCode
    // The kind and code only: the payload may carry personal details.
    console.warn(`[notify] subscribe message not sent: kind=${kind} errCode=${String(errCode)}`)
    await releaseGrant(openid, kind, errCode).catch(() => console.error(`[notify] grant not given back: kind=${kind}`))
    return { inboxId, sent: false }
  }
}
