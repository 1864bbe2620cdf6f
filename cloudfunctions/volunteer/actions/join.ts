import { AppError } from '@/domain/errors'
import { volunteerInputs } from '@/domain/volunteer/contract'
import { _ } from '../../_kit/cloud'
import { communityNames, requireCommunity } from '../../_kit/communities'
import { action } from '../../_kit/define-function'
import { tellStaffOfQueue } from '../../_kit/staff-queue'
import { staffOf } from '../../_kit/users'
import { findVolunteer, toProfile, volunteers } from '../volunteers'

/**
 * 申请到其他社区服务: an active volunteer asks to serve in another community. Where that community
 * takes volunteers at once they are active there at once; where it reviews its volunteers, they
 * wait in its staff's 志愿者审核 queue like its own (《中国红十字志愿服务管理办法》: the Red Cross organisation registers and manages its volunteers).
 */
export const join = action({
  input: volunteerInputs.join,
  audience: ['volunteer'],
  // The caller's profile with its home community's name, and the community asked for with its
  // staff (when it reviews its volunteers), beside the caller's record.
  preload: ({ communityId }, openid) =>
    Promise.all([
      findVolunteer({ openid }).then(async (doc) => ({ doc, homeName: doc ? ((await communityNames([doc.communityId])).get(doc.communityId) ?? '') : '' })),
      requireCommunity(communityId).then(async (community) => ({ community, staff: community.volunteerApprovalRequired ? await staffOf(communityId).catch(() => undefined) : undefined })),
    ]),
  async handler({ communityId }, _ctx, [{ doc, homeName }, { community, staff }]) {
    if (!doc || doc.status !== 'active') throw new AppError('FORBIDDEN', '注册成为志愿者并通过审核后才能申请')
    if (doc.communityId === communityId || doc.activeIn?.includes(communityId)) throw new AppError('CONFLICT', `您已经是${community.name}的志愿者了`)
    const field = community.volunteerApprovalRequired ? 'pendingIn' : 'activeIn'
    // Staff are told beside the write: their queue counts registrations waiting, which this leaves as it is.
    const [{ stats }] = await Promise.all([
      volunteers().where({ _id: doc._id }).update({ data: { [field]: _.addToSet(communityId) } }),
      community.volunteerApprovalRequired ? tellStaffOfQueue(communityId, 'volunteers', staff) : null,
    ])
    if (stats.updated !== 1 && !(doc[field] ?? []).includes(communityId)) throw new AppError('CONFLICT', '志愿者资料已变化，请刷新后再试')
    // The profile as written, without reading it back.
    return toProfile({ ...doc, [field]: [...new Set([...(doc[field] ?? []), communityId])] }, homeName, true)
  },
})
