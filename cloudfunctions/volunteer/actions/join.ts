import { AppError } from '@/domain/errors'
import { volunteerInputs } from '@/domain/volunteer/contract'
import { _ } from '../../_kit/cloud'
import { communityNames, requireCommunity } from '../../_kit/communities'
import { action } from '../../_kit/define-function'
import { tellStaffOfQueue } from '../../_kit/staff-queue'
import { findVolunteer, toProfile, volunteers } from '../volunteers'

/**
 * 申请到其他社区服务: an active volunteer asks to serve in another community. Where that community
 * takes volunteers at once they are active there at once; where it reviews its volunteers, they
 * wait in its staff's 志愿者审核 queue like its own (《中国红十字志愿服务管理办法》: the Red Cross organisation registers and manages its volunteers).
 */
export const join = action({
  input: volunteerInputs.join,
  audience: ['volunteer'],
  async handler({ communityId }, { openid }) {
    const [doc, community] = await Promise.all([findVolunteer({ openid }), requireCommunity(communityId)])
    if (!doc || doc.status !== 'active') throw new AppError('FORBIDDEN', '注册成为志愿者并通过审核后才能申请')
    if (doc.communityId === communityId || doc.activeIn?.includes(communityId)) throw new AppError('CONFLICT', `您已经是${community.name}的志愿者了`)
    const field = community.volunteerApprovalRequired ? 'pendingIn' : 'activeIn'
    await volunteers().where({ _id: doc._id }).update({ data: { [field]: _.addToSet(communityId) } })
    if (community.volunteerApprovalRequired) await tellStaffOfQueue(communityId, 'volunteers')
    const saved = (await findVolunteer({ _id: doc._id })) ?? doc
    const names = await communityNames([doc.communityId])
    return toProfile(saved, names.get(doc.communityId) ?? '', true)
  },
})
