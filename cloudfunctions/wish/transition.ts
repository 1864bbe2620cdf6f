import { AppError } from '@/domain/errors'
import { nextStatus, WISH_STATUS_LABELS, WISH_TRANSITIONS, type WishAction, type WishActor } from '@/domain/wish/states'
import { _ } from '../_kit/cloud'
import { requirePassingText } from '../_kit/content-check'
import { notify } from '../_kit/notify'
import { relationOf, STATUS_RANK, wishes, type Caller, type WishDoc } from './wishes'

/** Who acts: a person (as the user record, or as the wish knows its owner or claimer), or the timer. */
export type Actor = { caller: Caller; name: string } | { system: true }

type Options = {
  /** Extra fields written with the new status; an object value replaces the stored one whole. */
  set?: Record<string, unknown>
  /** A note kept in the history (reason, thanks, fulfilment note). */
  note?: string
  /** Who is told, besides nobody: owner and/or claimer. */
  tell?: Array<'owner' | 'claimer'>
  /** Messages of one claim/release cycle share this inbox id: repeats update one message (a release, the claim's). */
  groupId?: string
  /** The history keeps one entry per key (e.g. a volunteer's claim on one day): repeats add none. */
  historyKey?: string
  /** Update operators written as they are (counters). */
  raw?: Record<string, unknown>
  /** Follow-up writes of the step (freeing a claim slot), sent once it is written, side by side with the messages. */
  alongside?: () => Promise<unknown>
}

const CONFLICT_MESSAGES: Partial<Record<WishAction, string>> = {
  claim: '这个心愿已被认领',
}

/**
 * Moves a wish along the transition table, atomically: the update only applies while the wish is
 * still in the status it was read in, so of two people acting at once exactly one succeeds and
 * the other gets CONFLICT. The step goes into the history; the people concerned are told.
 */
export async function transition(wish: WishDoc, action: WishAction, actor: Actor, options: Options = {}): Promise<WishDoc> {
  const actors: WishActor[] = 'system' in actor ? ['system'] : relationOf(wish, actor.caller).actors
  const to = nextStatus(wish.status, action, actors)
  if (!to) {
    const { from } = WISH_TRANSITIONS[action]
    if (!from.includes(wish.status)) throw new AppError('CONFLICT', CONFLICT_MESSAGES[action] ?? `心愿当前${WISH_STATUS_LABELS[wish.status]}，不能进行这项操作`)
    throw new AppError('FORBIDDEN', '您不能对这个心愿进行这项操作')
  }
  const by = 'system' in actor ? 'system' : actor.caller._id
  // What a person wrote (note, reason, thanks) reaches the other side: checked before anything is written.
  if (options.note && by !== 'system') await requirePassingText(by, options.note)
  const byName = 'system' in actor ? '系统' : actors.includes('staff') && !actors.includes('owner') ? `工作人员 ${actor.name}` : actor.name
  const note = options.note ? { note: options.note } : {}
  const set = options.set ?? {}
  // The SDK sends a plain object as one `$set` per field, which CloudBase refuses inside a null
  // field (e.g. `fulfilment: null`) and which would keep fields the new value lacks: _.set
  // replaces it whole.
  const written = Object.fromEntries(Object.entries(set).map(([key, value]) => [key, isPlainObject(value) ? _.set(value) : value]))
  const step = { at: new Date(), action, to, by, byName, ...note, ...(options.historyKey ? { key: options.historyKey } : {}) }
  const recorded = !options.historyKey || !wish.history.some((h) => h.key === options.historyKey)
  const { stats } = await wishes()
    .where({ _id: wish._id, status: wish.status })
    .update({ data: { ...written, ...options.raw, status: to, rank: STATUS_RANK[to], ...(recorded ? { history: _.push(step) } : {}) } })
  if (stats.updated !== 1) throw new AppError('CONFLICT', CONFLICT_MESSAGES[action] ?? '心愿状态已变化，请刷新后再看')

  // The wish as just written (the server's clock may differ from ours by a moment).
  const saved: WishDoc = { ...wish, ...set, status: to, rank: STATUS_RANK[to], history: recorded ? [...wish.history, step] : wish.history }
  const recipients = new Set<string>()
  for (const who of options.tell ?? []) {
    const openid = who === 'owner' ? wish.ownerOpenid : wish.claimerOpenid
    if (openid && openid !== by) recipients.add(openid)
  }
  // Owner and claimer at most: told side by side, and beside the step's follow-up writes.
  await Promise.all([
    options.alongside?.(),
    ...[...recipients].map((openid) => notify(openid, 'wish_update', { wishId: wish._id, wishTitle: wish.title, action, note: options.note, at: new Date() }, { groupId: options.groupId, repeat: action === 'release', ...(options.note && by !== 'system' ? { quoting: by } : {}) })),
  ])
  return saved
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)
