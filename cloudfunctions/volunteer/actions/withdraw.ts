import { AppError } from '@/domain/errors'
import { volunteerInputs } from '@/domain/volunteer/contract'
import { db } from '../../_kit/cloud'
import { communityNames } from '../../_kit/communities'
import { action } from '../../_kit/define-function'
import { findVolunteer, toProfile, volunteers } from '../volunteers'

const DECIDED = new AppError('CONFLICT', '注册已经审核，不能撤回，请刷新后查看结果')

/**
 * 撤回: the person takes back a volunteer registration while it still waits for review (only
 * communities that check new volunteers have such a wait). One conditional update on `pending`:
 * a repeated tap withdraws once, and one staff decided meanwhile stays decided. Their own act:
 * no audit entry (only staff actions are audited).
 */
export const withdraw = action({
  input: volunteerInputs.withdraw,
  audience: 'anyone',
  // The registration, beside the caller's record.
  preload: (_input, openid) => findVolunteer({ openid }),
  async handler(_input, _ctx, doc) {
    if (!doc) throw new AppError('NOT_FOUND', '您还没有注册志愿者')
    if (doc.status === 'pending') {
      const { stats } = await volunteers().where({ _id: doc._id, status: 'pending' }).update({ data: { status: 'withdrawn', withdrawnAt: db.serverDate() } })
      if (stats.updated !== 1 && (await findVolunteer({ _id: doc._id }))?.status !== 'withdrawn') throw DECIDED
    } else if (doc.status !== 'withdrawn') {
      throw DECIDED
    }
    const [saved, names] = await Promise.all([findVolunteer({ _id: doc._id }), communityNames([doc.communityId])])
    if (!saved) throw new AppError('CONFLICT', '注册记录已变化，请刷新后再试')
    return toProfile(saved, names.get(saved.communityId) ?? '', true)
  },
})
