import { miniprogramStateOf, parseTemplateSetting, STATE_VARIABLE, TEMPLATES_VARIABLE } from '@/domain/notify/deployment'
import { NOTIFY_KIND_NAMES, NOTIFY_KINDS, templateData, type NotifyKind, type NotifyPayloads, type TemplateData } from '@/domain/notify/kinds'
import { sendOutcome, type SendOutcome } from '@/domain/notify/sending'
import { _, cloud, collections, db, isDuplicateKey } from './cloud'
import { queueFirstTries, queueFirstTry, queueFirstTryUnwoken, queueRetry } from './outbox'
import { mapWithCap } from './parallel'

/**
 * This deployment's subscribe-message setting, read from the function's environment at each use
 * (`NOTIFY_TEMPLATES`, `MINIPROGRAM_STATE`; domain/notify/deployment): template ids live in that
 * one JSON value, never a default, so a kind without an id is never sent with a placeholder.
 */
export function notifySetting() {
  const templates = parseTemplateSetting(process.env[TEMPLATES_VARIABLE])
  const state = miniprogramStateOf(process.env[STATE_VARIABLE])
  return { templates, state: state.state, problems: state.problem ? [...templates.problems, state.problem] : templates.problems }
}

/** A kind's template id in this deployment; undefined when `NOTIFY_TEMPLATES` gives it none. */
export function templateIdOf(kind: NotifyKind): string | undefined {
  return notifySetting().templates.ids[kind]
}

export function kindOfTemplate(templateId: string): NotifyKind | undefined {
  const { ids } = notifySetting().templates
  return NOTIFY_KIND_NAMES.find((kind) => ids[kind] === templateId)
}

/**
 * Kinds whose template is a long-term subscription in this deployment (`NOTIFY_LONG_TERM`, kinds
 * separated by commas; only some service categories may use them): a send spends no grant.
 */
export function isLongTerm(kind: NotifyKind): boolean {
  return (process.env.NOTIFY_LONG_TERM ?? '').split(',').map((name) => name.trim()).includes(kind)
}

const grantsOf = (openid: string, kind: NotifyKind) => {
  const path = `grants.${kind}`
  return { path, mine: db.collection(collections.subscriptions).where({ _id: openid, [path]: _.gt(0) }) }
}

/** Keeps the server's count of a person's grants in step with WeChat's: one fewer, never below 0. */
async function countSpentGrant(openid: string, kind: NotifyKind): Promise<void> {
  const { path, mine } = grantsOf(openid, kind)
  await mine.update({ data: { [path]: _.inc(-1) } })
}

/**
 * Takes one of the person's grants of a kind they have not turned off, atomically (two at once
 * never take the same one): the check and the count in one conditional update, instead of a read
 * before the send and a write after it. Given back if WeChat does not take the message.
 */
async function takeGrant(openid: string, kind: NotifyKind): Promise<boolean> {
  const path = `grants.${kind}`
  const { stats } = await db.collection(collections.subscriptions).where({ _id: openid, [path]: _.gt(0), [`off.${kind}`]: _.neq(true) }).update({ data: { [path]: _.inc(-1) } })
  return stats.updated === 1
}

async function giveBackGrant(openid: string, kind: NotifyKind): Promise<void> {
  await db.collection(collections.subscriptions).where({ _id: openid }).update({ data: { [`grants.${kind}`]: _.inc(1) } })
}

/** WeChat holds none (spent elsewhere, or turned off in the person's settings): neither do we. */
async function clearGrants(openid: string, kind: NotifyKind): Promise<void> {
  const { path, mine } = grantsOf(openid, kind)
  await mine.update({ data: { [path]: 0 } })
}

export type Delivery = { openid: string; kind: NotifyKind; page: string; data: TemplateData }

/**
 * One try at a subscribe message, and what its answer means for the person's grants: spent only
 * when WeChat accepts (never for a long-term kind), cleared on 43101, kept on any other refusal.
 * WeChat holds the one-time grants and refuses a send without one, so two notifications at once
 * can never spend the same grant.
 */
export async function deliver({ openid, kind, page, data }: Delivery, { grantTaken = false }: { grantTaken?: boolean } = {}): Promise<{ outcome: SendOutcome; errCode?: number }> {
  const { templates, state } = notifySetting()
  const templateId = templates.ids[kind]
  if (!templateId) {
    // No id configured: nothing WeChat could take (staff see the kind in 工作台, notify.setup).
    console.warn(`[notify] no template id for kind=${kind} in ${TEMPLATES_VARIABLE}: not sent`)
    return { outcome: 'refused' }
  }
  try {
    // miniprogramState: the version a tapped message opens, and whose pages `page` must be in.
    await cloud.openapi.subscribeMessage.send({ touser: openid, templateId, page, data, miniprogramState: state })
  } catch (error) {
    const code = (error as { errCode?: unknown } | null)?.errCode
    const errCode = typeof code === 'number' ? code : undefined
    const outcome = sendOutcome(errCode)
    if (outcome === 'no_grant') await clearGrants(openid, kind).catch(() => console.error(`[notify] grants not cleared: kind=${kind}`))
    else {
      // The kind and code only: the values may carry personal details.
      console.warn(`[notify] subscribe message not sent: kind=${kind} errCode=${String(errCode)}`)
      if (grantTaken) await giveBackGrant(openid, kind).catch(() => console.error(`[notify] taken grant not given back: kind=${kind}`))
    }
    return { outcome, errCode }
  }
  if (!grantTaken && !isLongTerm(kind)) await countSpentGrant(openid, kind).catch(() => console.error(`[notify] spent grant not counted: kind=${kind}`))
  return { outcome: 'sent' }
}

/** The person's 消息设置: kinds they turned off (`off.<kind>: true`), kept with their grants. */
export type NotifySettingsDoc = { _id: string; grants?: Partial<Record<NotifyKind, number>>; off?: Partial<Record<NotifyKind, boolean>> }

/** The person's 消息设置 and grants: a caller that reads them beside its own reads passes them to `notify` as `settings`. */
export async function notifySettingsOf(openid: string): Promise<NotifySettingsDoc | null> {
  return (await settingsOf(openid)) ?? null
}

async function settingsOf(openid: string): Promise<NotifySettingsDoc | undefined> {
  const { data } = await db.collection(collections.subscriptions).where({ _id: openid }).get<NotifySettingsDoc>()
  return data[0]
}

/**
 * Tells a person something: into the in-app inbox, then as a WeChat subscribe message while the
 * person holds a grant of its template (by the count `notify.subscribed` keeps). A kind the
 * person turned off sends no subscribe message, and, unless it is essential, nothing at all. A
 * send that failed for a passing reason waits in the outbox for the scheduler's retries. A failed
 * send never fails the caller's action.
 *
 * `groupId` makes one message of many (staff queues: one per queue and hour; an id derived from
 * the person's openid, never shared with another person's message): the first
 * notification of a group is stored under that id and sent; the later ones only bring its text
 * up to date and mark it unread again. `later` leaves the WeChat message to the scheduler (the
 * outbox), for a caller whose timeout has no room for WeChat's answer (100–300 ms). `quoting`
 * names whose words the message quotes (a thank-you, a note), so 注销 can take them out again.
 * `settings`: the person's settings when the caller read them beside its own reads (no read here then).
 * `repeat` says the group's message most likely exists (a later step of its cycle): an essential
 * kind then only brings it up to date, without taking a grant first.
 */
export async function notify<K extends NotifyKind>(
  openid: string,
  kind: K,
  payload: NotifyPayloads[K],
  { groupId, later = false, quoting, repeat = false, settings: known }: { groupId?: string; later?: boolean; quoting?: string; repeat?: boolean; settings?: NotifySettingsDoc | null } = {},
): Promise<{ inboxId: string | null; sent: boolean }> {
  const spec = NOTIFY_KINDS[kind]
  const now = !later && !isLongTerm(kind)
  // An essential kind sent now needs nothing read first (its grant is taken conditionally); others need the settings.
  const settings = known !== undefined ? (known ?? undefined) : spec.essential && now ? undefined : await settingsOf(openid)
  const off = settings?.off?.[kind] === true
  if (off && !spec.essential) return { inboxId: null, sent: false }
  if (now) return notifyNow(openid, kind, payload, { groupId, quoting, repeat, mayHoldGrant: !settings || (!off && (settings.grants?.[kind] ?? 0) > 0) })
  const page = spec.page(payload)
  const body = spec.body(payload)
  const inbox = db.collection(collections.inbox)
  const message = { openid, kind, title: spec.title, body, page, read: false, createdAt: db.serverDate(), ...(quoting ? { quoting } : {}) }
  let inboxId: string
  if (groupId) {
    // One write whether the group's message is there or not (its id is the person's own): set
    // creates it, or brings its text up to date and marks it unread; only its creation is sent.
    const { stats } = await inbox.doc(groupId).set({ data: message })
    if (stats.created !== 1) return { inboxId: groupId, sent: false }
    inboxId = groupId
  } else {
    inboxId = String((await inbox.add({ data: message }))._id)
  }
  // Nothing granted (or turned off): the inbox is where it goes, WeChat is not asked.
  if (off || !((settings?.grants?.[kind] ?? 0) > 0)) return { inboxId, sent: false }
  const delivery = { openid, kind, page, data: templateData(kind, payload) }
  if (later) {
    await queueFirstTry(inboxId, delivery)
    return { inboxId, sent: false }
  }
  const { outcome, errCode } = await deliver(delivery)
  if (outcome === 'retry') await queueRetry(inboxId, delivery, errCode).catch(() => console.error(`[notify] retry not queued: kind=${kind}`))
  return { inboxId, sent: outcome === 'sent' }
}

/**
 * A message sent now, its settings known or not needed (an essential kind reaches the inbox
 * whatever they say): the inbox entry and the grant (taken only if held and not turned off) go
 * side by side, one round trip, and the WeChat message follows. A grouped message already there
 * only has its text brought up to date; a grant taken for it is given back.
 */
async function notifyNow<K extends NotifyKind>(openid: string, kind: K, payload: NotifyPayloads[K], { groupId, quoting, repeat, mayHoldGrant }: { groupId?: string; quoting?: string; repeat: boolean; mayHoldGrant: boolean }): Promise<{ inboxId: string | null; sent: boolean }> {
  const spec = NOTIFY_KINDS[kind]
  const page = spec.page(payload)
  const body = spec.body(payload)
  const inbox = db.collection(collections.inbox)
  const message = { openid, kind, title: spec.title, body, page, read: false, createdAt: db.serverDate(), ...(quoting ? { quoting } : {}) }
  const addOnce = async (): Promise<{ inboxId: string; fresh: boolean }> => {
    if (!groupId) return { inboxId: String((await inbox.add({ data: message }))._id), fresh: true }
    try {
      await inbox.add({ data: { _id: groupId, ...message } })
      return { inboxId: groupId, fresh: true }
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
      await update()
      return { inboxId: groupId, fresh: false }
    }
  }
  // Without a template id in this deployment WeChat is never asked, and no grant is taken.
  const update = () => inbox.where({ _id: groupId, openid }).update({ data: { body, read: false, createdAt: db.serverDate() } })
  // A group's later step (a release after its claim): its message is most likely there already, and only brought up to date.
  if (groupId && repeat && (await update()).stats.updated === 1) return { inboxId: groupId, sent: false }
  const [{ inboxId, fresh }, taken] = await Promise.all([addOnce(), mayHoldGrant && templateIdOf(kind) ? takeGrant(openid, kind) : false])
  if (taken && !fresh) await giveBackGrant(openid, kind).catch(() => console.error(`[notify] taken grant not given back: kind=${kind}`))
  if (!taken || !fresh) return { inboxId, sent: false }
  const delivery = { openid, kind, page, data: templateData(kind, payload) }
  const { outcome, errCode } = await deliver(delivery, { grantTaken: true })
  if (outcome === 'retry') await queueRetry(inboxId, delivery, errCode).catch(() => console.error(`[notify] retry not queued: kind=${kind}`))
  return { inboxId, sent: outcome === 'sent' }
}

/** One notification of a fan-out, under the inbox id that makes it happen once. */
/** `quoting`: whose words the message carries (注销 blanks them, as for `notify`). */
export type FanOutNote<K extends NotifyKind> = { _id: string; openid: string; payload: NotifyPayloads[K]; quoting?: string }

/**
 * One person's message of a group (a staff queue's message of the hour), their settings known: the
 * inbox entry is written whole under the group's id (created, or brought up to date and unread
 * again: one request either way), and, while they hold a grant, its WeChat message is queued
 * under the same id beside it, so the group sends at most one. The outbox job is not woken here:
 * the caller wakes it once when `willQueue` said a message may be queued.
 */
export async function notifyGroupLater<K extends NotifyKind>(openid: string, kind: K, payload: NotifyPayloads[K], groupId: string, settings: NotifySettingsDoc | null): Promise<void> {
  const spec = NOTIFY_KINDS[kind]
  if (settings?.off?.[kind] === true && !spec.essential) return
  const page = spec.page(payload)
  const message = { openid, kind, title: spec.title, body: spec.body(payload), page, read: false, createdAt: db.serverDate() }
  await Promise.all([
    db.collection(collections.inbox).doc(groupId).set({ data: message }),
    willQueue(kind, settings) ? queueFirstTryUnwoken(groupId, { openid, kind, page, data: templateData(kind, payload) }) : null,
  ])
}

/** Whether `notifyGroupLater` queues a WeChat message for someone with these settings (held grant, kind not turned off). */
export const willQueue = (kind: NotifyKind, settings: NotifySettingsDoc | null): boolean => settings?.off?.[kind] !== true && (settings?.grants?.[kind] ?? 0) > 0

/** Database requests a fan-out keeps in flight at once. */
const FAN_OUT_REQUESTS = 20
/** People whose settings one read fetches (`_id` in a list of this many). */
const SETTINGS_PER_READ = 100

/** The 消息设置 and grants of many people, in one read per hundred: a caller passes each to `notify` as `settings`. */
export async function settingsOfEach(openids: string[]): Promise<Map<string, NotifySettingsDoc>> {
  const chunks = Array.from({ length: Math.ceil(openids.length / SETTINGS_PER_READ) }, (_unused, i) => openids.slice(i * SETTINGS_PER_READ, (i + 1) * SETTINGS_PER_READ))
  const reads = await mapWithCap(chunks, FAN_OUT_REQUESTS, async (ids) => (await db.collection(collections.subscriptions).where({ _id: _.in(ids) }).limit(SETTINGS_PER_READ).get<NotifySettingsDoc>()).data)
  return new Map(reads.flat().map((doc) => [doc._id, doc]))
}

/**
 * Tells many people at once (everyone signed up for a cancelled activity, an AED's keepers),
 * within the caller's timeout at any size: the inbox entries are written now, at most 20
 * requests in flight, each under its note's `_id`; the WeChat messages of those holding a grant
 * are queued in the outbox under the same id, for the scheduler to send (each send takes 100–300
 * ms: a thousand of them fit no function's timeout). A retried fan-out finds both ids taken and
 * tells nobody twice. Settings apply as in `notify`: an essential kind reaches every inbox
 * whatever they say, so its entries are written beside the read of the settings.
 */
export async function notifyEach<K extends NotifyKind>(kind: K, notes: ReadonlyArray<FanOutNote<K>>): Promise<void> {
  const spec = NOTIFY_KINDS[kind]
  const inbox = db.collection(collections.inbox)
  const toInbox = async ({ _id, openid, payload, quoting }: FanOutNote<K>) => {
    try {
      await inbox.add({ data: { _id, openid, kind, title: spec.title, body: spec.body(payload), page: spec.page(payload), read: false, createdAt: db.serverDate(), ...(quoting ? { quoting } : {}) } })
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
    }
  }
  const reading = settingsOfEach([...new Set(notes.map((note) => note.openid))])
  const [settings] = spec.essential ? await Promise.all([reading, mapWithCap(notes, FAN_OUT_REQUESTS, toInbox)]) : [await reading]
  if (!spec.essential) await mapWithCap(notes.filter(({ openid }) => settings.get(openid)?.off?.[kind] !== true), FAN_OUT_REQUESTS, toInbox)
  const granted = notes.filter(({ openid }) => {
    const mine = settings.get(openid)
    return mine?.off?.[kind] !== true && (mine?.grants?.[kind] ?? 0) > 0
  })
  await queueFirstTries(granted.map(({ _id, openid, payload }) => ({ inboxId: _id, delivery: { openid, kind, page: spec.page(payload), data: templateData(kind, payload) } })), FAN_OUT_REQUESTS)
}
