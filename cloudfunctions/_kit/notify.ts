import { NOTIFY_KIND_NAMES, NOTIFY_KINDS, templateData, type NotifyKind, type NotifyPayloads } from '@/domain/notify/kinds'
import { _, cloud, collections, db } from './cloud'

/** WeChat's answer when the person holds no grant for the template (never given, spent or cancelled). */
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

/** Keeps the server's count of a person's grants in step with WeChat's: one fewer, never below 0. */
async function countSpentGrant(openid: string, kind: NotifyKind): Promise<void> {
  const path = `grants.${kind}`
  await db
    .collection(collections.subscriptions)
    .where({ _id: openid, [path]: _.gt(0) })
    .update({ data: { [path]: _.inc(-1) } })
}

/**
 * Tells a person something: always into the in-app inbox first, then as a WeChat subscribe
 * message. WeChat holds the one-time grants and refuses a send without one (43101), so a grant is
 * spent only when WeChat accepts the message, and two notifications at once can never spend the
 * same grant; no database request is made for people who granted nothing. A failed send never
 * fails the caller's action.
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
  try {
    await cloud.openapi.subscribeMessage.send({ touser: openid, templateId: templateIdOf(kind), page, data: templateData(kind, payload) })
  } catch (error) {
    const errCode = (error as { errCode?: unknown } | null)?.errCode
    if (errCode === USER_REFUSED) return { inboxId, sent: false } // no grant: the inbox is where it goes
    // The kind and code only: the payload may carry personal details.
    console.warn(`[notify] subscribe message not sent: kind=${kind} errCode=${String(errCode)}`)
    return { inboxId, sent: false }
  }
  await countSpentGrant(openid, kind).catch(() => console.error(`[notify] spent grant not counted: kind=${kind}`))
  return { inboxId, sent: true }
}
