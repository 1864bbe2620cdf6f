import { todayInChina } from '@/domain/dates'
import { DAILY_WISH_LIMIT, wishSchema } from '@/domain/wish/rules'
import { checkText } from '../../_kit/content-check'
import { db } from '../../_kit/cloud'
import { requireCommunity } from '../../_kit/communities'
import { action } from '../../_kit/define-function'
import { ownedId } from '../../_kit/ids'
import { takeSlot } from '../../_kit/rate-limit'
import { requestImageChecks } from '../media'
import { findWish, STATUS_RANK, toDetail, wishes } from '../wishes'

/**
 * 我要许愿. The text is checked first: risky text is refused and nothing is stored; text the
 * check is unsure of waits for staff (`pending_review`); the rest goes on the wall at once.
 * Photos stay hidden until their own check passes.
 */
export const create = action({
  input: () => wishSchema(todayInChina()),
  audience: 'anyone',
  async handler(input, ctx) {
    const community = await requireCommunity(input.communityId)
    const verdict = await checkText(ctx.openid, `${input.title}\n${input.content}`)
    await takeSlot(`${ownedId('wl', ctx.openid)}-${todayInChina()}`, DAILY_WISH_LIMIT, `每人每天最多发布${DAILY_WISH_LIMIT}个心愿，明天再来吧`)
    const user = await ctx.user()
    const status = verdict === 'pass' ? 'open' : 'pending_review'
    const { _id } = await wishes().add({
      data: {
        ownerOpenid: ctx.openid,
        ownerName: user.displayName,
        title: input.title,
        content: input.content,
        category: input.category,
        communityId: input.communityId,
        images: input.images.map((fileID) => ({ fileID, status: 'checking' })),
        contactPhone: input.contactPhone,
        dueDate: input.dueDate ?? null,
        status,
        rank: STATUS_RANK[status],
        claimerOpenid: null,
        claimerName: null,
        claimedAt: null,
        claimDeadline: null,
        fulfilment: null,
        thanks: null,
        history: [{ at: db.serverDate(), action: 'create', to: status, by: ctx.openid, byName: user.displayName, ...(status === 'pending_review' ? { note: '内容需人工审核' } : {}) }],
        createdAt: db.serverDate(),
      },
    })
    await requestImageChecks(_id, input.images, ctx.openid)
    const saved = await findWish(_id)
    if (!saved) throw new Error('wish missing right after insert')
    return toDetail(saved, community.name, user)
  },
})
