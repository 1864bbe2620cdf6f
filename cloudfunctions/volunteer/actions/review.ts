import { AppError } from '@/domain/errors'
import { volunteerInputs, type VolunteerProfile } from '@/domain/volunteer/contract'
import { communityNames } from '../../_kit/communities'
import { action, type ActionContext } from '../../_kit/define-function'
import { _ } from '../../_kit/cloud'
import { notify } from '../../_kit/notify'
import { grantRole } from '../../_kit/users'
import { findVolunteer, toProfile, volunteers, type VolunteerDoc } from '../volunteers'
import { changeKey } from '../../_kit/audit'

/**
 * Staff decide on a pending volunteer of their community, once. Approving an active volunteer
 * again finishes an approval cut off before the role was granted, and tells nobody twice.
 */
export const review = action({
  input: volunteerInputs.review,
  audience: ['staff'],
  // The volunteer, beside the caller's record.
  preload: ({ volunteerId }) => findVolunteer({ _id: volunteerId }),
  async handler({ volunteerId, decision, reason, communityId }, ctx, doc) {
    if (!doc) throw new AppError('NOT_FOUND', '没有找到这位志愿者')
    if (communityId && communityId !== doc.communityId) return reviewOutsider(doc, communityId, decision === 'approve', ctx)
    await ctx.requireStaffOf(doc.communityId)
    if (doc.openid === ctx.openid) throw new AppError('FORBIDDEN', '不能审核自己的注册，请由其他工作人员审核')
    const approved = decision === 'approve'
    const finishing = approved && doc.status === 'active'
    if (!finishing) {
      const { stats } = await volunteers()
        .where({ _id: volunteerId, status: 'pending' })
        .update({ data: approved ? { status: 'active' } : { status: 'rejected', rejectReason: reason } })
      if (stats.updated !== 1) throw new AppError('CONFLICT', '这位志愿者已经审核过了')
    }
    // The role, the message and the community's name are independent: side by side.
    const [names] = await Promise.all([
      communityNames([doc.communityId]),
      approved ? grantRole(doc.openid, 'volunteer', doc.communityId) : null,
      finishing ? null : notify(doc.openid, 'volunteer_review', { approved, reason: approved ? undefined : reason, reviewedAt: new Date() }),
    ])
    // As just written (a conditional update from pending): no read back.
    const saved: VolunteerDoc = finishing ? doc : approved ? { ...doc, status: 'active' } : { ...doc, status: 'rejected', rejectReason: reason ?? null }
    return toProfile(saved, names.get(doc.communityId) ?? '', true)
  },
  audit: (input, out) => ({ communityId: input.communityId ?? out.communityId, target: out._id, summary: `${input.decision === 'approve' ? '通过' : '不通过'}志愿者${input.communityId && input.communityId !== out.communityId ? '在本社区服务的申请' : '登记'}`, key: changeKey(out._id, { communityId: input.communityId ?? null, decision: input.decision }) }),
})

/**
 * Staff of a reviewing community decide on a volunteer of another community who asked to serve
 * there: one conditional update moves the community from `pendingIn` to `activeIn` (or drops it).
 */
async function reviewOutsider(doc: VolunteerDoc, communityId: string, approved: boolean, ctx: ActionContext): Promise<VolunteerProfile> {
  await ctx.requireStaffOf(communityId)
  if (doc.openid === ctx.openid) throw new AppError('FORBIDDEN', '不能审核自己的申请，请由其他工作人员审核')
  const { stats } = await volunteers()
    .where({ _id: doc._id, pendingIn: communityId })
    .update({ data: approved ? { pendingIn: _.pull(communityId), activeIn: _.addToSet(communityId) } : { pendingIn: _.pull(communityId) } })
  const saved = (await findVolunteer({ _id: doc._id })) ?? doc
  if (stats.updated !== 1 && !(approved && saved.activeIn?.includes(communityId))) throw new AppError('CONFLICT', '这份申请已经处理过了')
  if (stats.updated === 1) await notify(doc.openid, 'volunteer_review', { approved, reason: approved ? undefined : '社区暂不接收', reviewedAt: new Date() })
  const names = await communityNames([doc.communityId])
  return toProfile(saved, names.get(doc.communityId) ?? '', true)
}
