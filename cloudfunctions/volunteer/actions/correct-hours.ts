import { todayInChina } from '@/domain/dates'
import { AppError } from '@/domain/errors'
import { volunteerInputs } from '@/domain/volunteer/contract'
import { ledgerEntryId } from '@/domain/volunteer/ledger'
import { requireCommunity } from '../../_kit/communities'
import { action } from '../../_kit/define-function'
import { credit, tellHours, toEntries } from '../../_kit/ledger'
import { findVolunteer } from '../volunteers'

/**
 * Staff of the volunteer's community add or take away hours with a reason: a ledger entry of its
 * own (the volunteer sees it), never an edit of an earlier one. The client's request id makes the
 * entry's `_id`, so a retried submit corrects once. Taking away more than the volunteer has is
 * refused by the ledger itself, under any concurrency.
 */
export const correctHours = action({
  input: volunteerInputs.correctHours,
  audience: ['staff'],
  // The volunteer, then their community, beside the caller's record.
  async preload({ volunteerId }) {
    const doc = await findVolunteer({ _id: volunteerId })
    return doc && { doc, community: await requireCommunity(doc.communityId) }
  },
  async handler({ volunteerId, hours, reason, requestId, serviceDate }, ctx, found) {
    if (!found) throw new AppError('NOT_FOUND', '没有找到这位志愿者')
    const { doc, community } = found
    const staff = await ctx.requireStaffOf(doc.communityId)
    if (doc.openid === ctx.openid) throw new AppError('FORBIDDEN', '不能更正自己的时长，请由其他工作人员处理')
    const entry = await credit({
      _id: ledgerEntryId.correction(`${ctx.openid}:${requestId}`),
      openid: doc.openid,
      source: 'correction',
      sourceId: volunteerId,
      title: '时长更正',
      hours,
      reason,
      communityId: doc.communityId,
      creditedBy: ctx.openid,
      creditedByName: staff.displayName,
      // The day the corrected service was done (today when not given), so it lands in its period.
      serviceFrom: serviceDate ?? todayInChina(),
      serviceDate: serviceDate ?? todayInChina(),
      place: community.name,
      content: reason,
    })
    // The +N 小时 message goes beside the audit entry.
    ctx.afterwards(() => tellHours(entry, 'correction', reason))
    const [view] = await toEntries([entry])
    return view
  },
  audit: (input, out) => ({ communityId: out.communityId, target: input.volunteerId, summary: `更正服务时长 ${out.hours > 0 ? '+' : ''}${out.hours} 小时`, key: `${input.volunteerId}:${input.requestId}` }),
})
