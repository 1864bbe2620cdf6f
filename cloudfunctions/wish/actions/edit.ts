import { todayInChina } from '@/domain/dates'
import { AppError } from '@/domain/errors'
import { wishEditSchema, wishSearchText } from '@/domain/wish/rules'
import { canEdit, WISH_STATUS_LABELS } from '@/domain/wish/states'
import { _ } from '../../_kit/cloud'
import { checkTextWhy } from '../../_kit/content-check'
import { action } from '../../_kit/define-function'
import { requireWish } from '../load'
import { partyOf, relationOf, STATUS_RANK, toDetail, wishes, type WishDoc } from '../wishes'

/**
 * The owner changes a wish nobody has taken on yet. The new text is checked like a new wish:
 * risky text is refused and nothing changes; text the check is unsure of takes an open wish off
 * the wall until staff have looked at it. One conditional update, so a wish claimed meanwhile
 * is not changed under its volunteer.
 */
export const edit = action({
  input: () => wishEditSchema(todayInChina()),
  audience: 'anyone',
  async handler({ wishId, title, content, category, contactPhone, dueDate }, { openid }) {
    const wish = await requireWish(wishId)
    const owner = partyOf(wish, openid, 'owner')
    if (!relationOf(wish, owner.caller).actors.includes('owner')) throw new AppError('FORBIDDEN', '只有发布人可以修改这个心愿')
    if (!canEdit(wish.status, ['owner'])) throw new AppError('CONFLICT', `心愿${WISH_STATUS_LABELS[wish.status]}，不能再修改`)
    const verdict = await checkTextWhy(openid, `${title}\n${content}`)
    const status = verdict.verdict === 'pass' ? wish.status : 'pending_review'
    const changes = { title, content, searchText: wishSearchText(title, content), category, contactPhone, dueDate: dueDate ?? null, status, rank: STATUS_RANK[status] }
    const entry = { action: 'edit' as const, to: status, by: openid, byName: owner.name, ...(verdict.verdict === 'review' ? { note: `修改后：${verdict.why}` } : {}) }
    const { stats } = await wishes()
      .where({ _id: wishId, ownerOpenid: openid, status: wish.status })
      .update({ data: { ...changes, history: _.push({ ...entry, at: new Date() }) } })
    if (stats.updated !== 1) throw new AppError('CONFLICT', '心愿刚刚有了变化（可能已被认领），请刷新后再看')
    const saved: WishDoc = { ...wish, ...changes, history: [...wish.history, { ...entry, at: new Date() }] }
    return toDetail(saved, owner.caller)
  },
})
