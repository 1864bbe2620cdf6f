import { AppError } from '@/domain/errors'
import { formatChinaDate } from '@/domain/dates'
import { ledgerEntryId } from '@/domain/volunteer/ledger'
import { wishInputs } from '@/domain/wish/contract'
import { wishServiceHours } from '@/domain/wish/rules'
import { _ } from '../../_kit/cloud'
import { action } from '../../_kit/define-function'
import { credit, creditBasis, tellHours, type CreditBasis } from '../../_kit/ledger'
import { requireWish } from '../load'
import { toDetail, wishes, type WishDoc } from '../wishes'
import { readPage } from '../../_kit/pages'

/** 核定时长: completed wishes of the caller's communities whose reported time waits for staff, oldest first. */
export const hoursQueue = action({
  input: wishInputs.hoursQueue,
  audience: ['staff'],
  audit: 'read',
  async handler({ page, pageSize }, ctx) {
    const user = await ctx.user()
    const scope = await ctx.staffScope()
    const criteria = { hoursStatus: 'pending', communityId: _.in(scope) }
    const { docs, hasMore } = await readPage<WishDoc>(wishes().where(criteria).orderBy('createdAt', 'asc'), page, pageSize)
    return { items: await Promise.all(docs.map((w) => toDetail(w, user))), hasMore, page, pageSize }
  },
})

/**
 * The record of service a wish's approved hours make (民政部令第67号 2020 第八条: time, place, content,
 * hours); the +N 小时 message and `alongside` (the audit entry) go beside the totals.
 */
async function creditClaimer(wish: WishDoc, by: { openid: string; name: string }, basis: CreditBasis, alongside: () => Promise<unknown>): Promise<void> {
  if (!wish.claimerOpenid || !wish.fulfilment?.minutes) return
  await credit(
    {
      _id: ledgerEntryId.wish(wish._id),
      openid: wish.claimerOpenid,
      source: 'wish',
      sourceId: wish._id,
      title: wish.title,
      hours: wishServiceHours(wish.fulfilment.minutes),
      reason: `志愿者报告服务${wish.fulfilment.minutes}分钟，心愿主人已确认，工作人员已核定`,
      communityId: wish.communityId,
      creditedBy: by.openid,
      creditedByName: by.name,
      serviceFrom: formatChinaDate(wish.claimedAt ?? wish.fulfilment.at),
      serviceDate: formatChinaDate(wish.fulfilment.at),
      place: wish.communityName,
      content: `红心愿：${wish.title}。${wish.fulfilment.note}`,
    },
    { basis, beside: (entry) => Promise.all([tellHours(entry, 'wish', wish.title), alongside()]) },
  )
}

/**
 * Staff of the wish's community approve (one tap) or decline the time the volunteer reported and
 * the owner confirmed: approving credits it through the ledger (谁记录谁证明, 民政部令第67号 2020).
 * One conditional update from `pending` decides; a retried approval finishes the credit, once.
 */
export const approveHours = action({
  input: wishInputs.approveHours,
  audience: ['staff'],
  // The wish, beside the caller's record.
  preload: ({ wishId }) => requireWish(wishId),
  async handler({ wishId, decision, reason }, ctx, wish) {
    const staff = await ctx.requireStaffOf(wish.communityId)
    if (wish.claimerOpenid === ctx.openid || wish.ownerOpenid === ctx.openid) throw new AppError('FORBIDDEN', '不能核定自己参与的心愿，请由其他工作人员处理')
    const status = decision === 'approve' ? 'approved' : 'rejected'
    // What the credit reads first (the points rate, the volunteer's name) goes beside the decision.
    const basis = status === 'approved' && wish.claimerOpenid ? creditBasis(wish.communityId, wish.claimerOpenid) : null
    basis?.catch(() => undefined)
    if (wish.hoursStatus === 'pending') {
      const { stats } = await wishes()
        .where({ _id: wishId, hoursStatus: 'pending' })
        .update({ data: { hoursStatus: status, hoursReviewedBy: ctx.openid, hoursReason: reason || null } })
      // Lost to a concurrent decision: the same one is a retry (finish the credit), another is a conflict.
      if (stats.updated !== 1 && (await requireWish(wishId)).hoursStatus !== status) throw new AppError('CONFLICT', '这个心愿的时长已经核定过了')
    } else if (wish.hoursStatus !== status) {
      throw new AppError('CONFLICT', wish.hoursStatus ? '这个心愿的时长已经核定过了' : '心愿主人确认完成后才能核定时长')
    }
    const saved: WishDoc = { ...wish, hoursStatus: status, hoursReviewedBy: ctx.openid, hoursReason: reason || null }
    const detail = await toDetail(saved, staff)
    if (basis) await creditClaimer(saved, { openid: ctx.openid, name: staff.displayName }, await basis, () => ctx.auditAlongside(detail))
    return detail
  },
  audit: (input, out) => ({ communityId: out.communityId, target: out._id, summary: `${input.decision === 'approve' ? '核定' : '不核定'}心愿服务时长：${out.title}`, key: out._id }),
})
