import { AppError } from '@/domain/errors'
import { memberInputs } from '@/domain/member/contract'
import { _, db } from '../../_kit/cloud'
import { action } from '../../_kit/define-function'
import { applications, communityFacts, findApplication, toView, UNKNOWN_COMMUNITY } from '../applications'

/**
 * 撤回: the applicant takes back their application while it still waits for review. The station
 * no longer needs the ID number, so its sealed copy is erased at once (PIPL 第四十七条: deleted when
 * the purpose is gone) and its hash released, so the same number may apply again. One conditional
 * update on `pending`: a repeated tap withdraws once, and one the staff decided meanwhile stays decided.
 * The applicant's own act: no audit entry (only staff actions are audited).
 */
export const withdraw = action({
  input: memberInputs.withdraw,
  audience: 'anyone',
  // The application, beside the caller's record.
  preload: (_input, openid) => findApplication({ openid }),
  async handler(_input, { openid }, doc) {
    if (!doc) throw new AppError('NOT_FOUND', '您还没有提交入会申请')
    if (doc.status === 'pending') {
      const entry = { at: new Date(), action: 'withdrawn', by: openid, byName: '本人' }
      const { stats } = await applications()
        .where({ _id: doc._id, status: 'pending' })
        .update({ data: { status: 'withdrawn', withdrawnAt: db.serverDate(), idCipher: null, idHash: `released:${doc._id}`, history: _.push(entry) } })
      if (stats.updated !== 1 && (await findApplication({ _id: doc._id }))?.status !== 'withdrawn') throw new AppError('CONFLICT', '申请已经审核，不能撤回，请刷新后查看结果')
    } else if (doc.status !== 'withdrawn') {
      throw new AppError('CONFLICT', '申请已经审核，不能撤回，请刷新后查看结果')
    }
    const [saved, facts] = await Promise.all([findApplication({ _id: doc._id }), communityFacts([doc.communityId])])
    if (!saved) throw new AppError('CONFLICT', '申请记录已变化，请刷新后再试')
    const community = facts.get(saved.communityId) ?? UNKNOWN_COMMUNITY
    return toView(saved, community, { idNumber: false, phone: true })
  },
})
