import { AppError } from '@/domain/errors'
import type { UserDoc } from '@/domain/user/types'
import { nextStatus, WISH_STATUS_LABELS, WISH_TRANSITIONS, type WishAction, type WishActor } from '@/domain/wish/states'
import { _, db } from '../_kit/cloud'
import { notify } from '../_kit/notify'
import { findWish, relationOf, STATUS_RANK, wishes, type WishDoc } from './wishes'

type Options = {
  /** Extra fields written with the new status. */
  set?: Record<string, unknown>
  /** A note kept in the history (reason, thanks, fulfilment note). */
  note?: string
  /** Who is told, besides nobody: owner and/or claimer. */
  tell?: Array<'owner' | 'claimer'>
}

const CONFLICT_MESSAGES: Partial<Record<WishAction, string>> = {
  claim: '这个心愿已被认领',
}

/**
 * Moves a wish along the transition table, atomically: the update only applies while the wish is
 * still in the status it was read in, so of two people acting at once exactly one succeeds and
 * the other gets CONFLICT. The step goes into the history; the people concerned are told.
 */
export async function transition(wish: WishDoc, action: WishAction, actor: { user: UserDoc } | { system: true }, options: Options = {}): Promise<WishDoc> {
  const actors: WishActor[] = 'system' in actor ? ['system'] : relationOf(wish, actor.user).actors
  const to = nextStatus(wish.status, action, actors)
  if (!to) {
    const { from } = WISH_TRANSITIONS[action]
    if (!from.includes(wish.status)) throw new AppError('CONFLICT', CONFLICT_MESSAGES[action] ?? `心愿当前${WISH_STATUS_LABELS[wish.status]}，不能进行这项操作`)
    throw new AppError('FORBIDDEN', '您不能对这个心愿进行这项操作')
  }
  const by = 'system' in actor ? 'system' : actor.user._id
  const byName = 'system' in actor ? '系统' : actors.includes('staff') && !actors.includes('owner') ? `工作人员 ${actor.user.displayName}` : actor.user.displayName
  const entry = { at: db.serverDate(), action, to, by, byName, ...(options.note ? { note: options.note } : {}) }
  const { stats } = await wishes()
    .where({ _id: wish._id, status: wish.status })
    .update({ data: { ...options.set, status: to, rank: STATUS_RANK[to], history: _.push(entry) } })
  if (stats.updated !== 1) throw new AppError('CONFLICT', CONFLICT_MESSAGES[action] ?? '心愿状态已变化，请刷新后再看')

  const saved = await findWish(wish._id)
  if (!saved) throw new Error('wish missing right after transition')
  const recipients = new Set<string>()
  for (const who of options.tell ?? []) {
    const openid = who === 'owner' ? wish.ownerOpenid : wish.claimerOpenid
    if (openid && openid !== by) recipients.add(openid)
  }
  for (const openid of recipients) {
    await notify(openid, 'wish_update', {
      wishId: wish._id,
      wishTitle: wish.title,
      action,
      note: options.note,
      at: new Date(),
    })
  }
  return saved
}
