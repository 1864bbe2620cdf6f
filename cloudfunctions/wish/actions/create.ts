import { todayInChina } from '@/domain/dates'
import { DAILY_WISH_LIMIT, wishSchema, wishSearchText } from '@/domain/wish/rules'
import { checkTextWhy } from '../../_kit/content-check'
import { db } from '../../_kit/cloud'
import { requireCommunity } from '../../_kit/communities'
import { action } from '../../_kit/define-function'
import { requireOwnFiles } from '../../_kit/uploads'
import { ownedId } from '../../_kit/ids'
import { takeSlot } from '../../_kit/rate-limit'
import { tellStaffOfQueue } from '../../_kit/staff-queue'
import { applyEarlyVerdicts, photoLinks, requestChecks } from '../../_kit/photo-checks'
import { STATUS_RANK, toDetail, wishes, type WishDoc } from '../wishes'

/**
 * 我要许愿. The text is checked first: risky text is refused and nothing is stored; text the
 * check is unsure of waits for staff (`pending_review`); the rest goes on the wall at once.
 * Photos stay hidden until their own check passes.
 */
export const create = action({
  input: () => wishSchema(todayInChina()),
  audience: 'anyone',
  async handler(input, ctx) {
    requireOwnFiles(ctx.openid, input.images)
    // WeChat's answers take 100–300 ms each: the text check and the photos' links are asked side
    // by side, the photos' checks at once, or they would not fit the 3 s timeout.
    const [community, user, verdict, links] = await Promise.all([
      requireCommunity(input.communityId),
      ctx.user(),
      checkTextWhy(ctx.openid, `${input.title}\n${input.content}`),
      photoLinks(input.images),
    ])
    await takeSlot(`${ownedId('wl', ctx.openid)}-${todayInChina()}`, DAILY_WISH_LIMIT, `每人每天最多发布${DAILY_WISH_LIMIT}个心愿，明天再来吧`)
    const status = verdict.verdict === 'pass' ? 'open' : 'pending_review'
    // Photos go to their check only within the day's limit. A verdict may be pushed before the
    // wish is stored: applyEarlyVerdicts picks it up after.
    const images = await requestChecks(input.images, links, ctx.openid)
    const now = new Date()
    const wish: Omit<WishDoc, '_id'> = {
      ownerOpenid: ctx.openid,
      ownerName: user.displayName,
      title: input.title,
      content: input.content,
      searchText: wishSearchText(input.title, input.content),
      category: input.category,
      communityId: input.communityId,
      communityName: community.name,
      images,
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
      history: [{ at: now, action: 'create', to: status, by: ctx.openid, byName: user.displayName, ...(verdict.verdict === 'review' ? { note: verdict.why } : {}) }],
      createdAt: now,
    }
    // The history entry keeps the function's own clock: db.serverDate() only as a top-level field.
    const { _id } = await wishes().add({ data: { ...wish, createdAt: db.serverDate() } })
    await applyEarlyVerdicts(images)
    if (status === 'pending_review') await tellStaffOfQueue(input.communityId, 'wishes')
    return toDetail({ _id, ...wish }, user)
  },
})
