import { AppError } from '@/domain/errors'
import { memberInputs } from '@/domain/member/contract'
import { _, collections, db } from '../../_kit/cloud'
import { action } from '../../_kit/define-function'
import { applications, communityFacts, findApplication, toView, UNKNOWN_COMMUNITY } from '../applications'

/**
 * 退会 (章程, member chapter: 有退会的自由): the member leaves the Red Cross and keeps the account.
 * The card is withdrawn (the record says 已退会), the member role goes, and the ID number is erased
 * `ID_RETENTION_DAYS` later by the member job; its hash is released so the number may join again.
 * One conditional update on `approved`, so a repeated tap leaves once; the role step repeats safely.
 */
export const leave = action({
  input: memberInputs.leave,
  audience: 'anyone',
  async handler(_input, { openid }) {
    const doc = await findApplication({ openid })
    if (!doc || (doc.status !== 'approved' && doc.status !== 'left')) throw new AppError('CONFLICT', '您还不是红十字会员，无需退会')
    if (doc.status === 'approved') {
      const entry = { at: new Date(), action: 'left', by: openid, byName: '本人' }
      const { stats } = await applications()
        .where({ _id: doc._id, status: 'approved' })
        .update({ data: { status: 'left', leftAt: db.serverDate(), idHash: `released:${doc._id}`, history: _.push(entry) } })
      // Another tap of the same person got there first: left all the same.
      if (stats.updated !== 1 && (await findApplication({ _id: doc._id }))?.status !== 'left') throw new AppError('CONFLICT', '会员状态已变化，请刷新后再试')
    }
    await db.collection(collections.users).where({ _id: openid }).update({ data: { roles: _.pull('member') } })
    const saved = await findApplication({ _id: doc._id })
    if (!saved) throw new AppError('CONFLICT', '会员记录已变化，请刷新后再试')
    const community = (await communityFacts([saved.communityId])).get(saved.communityId) ?? UNKNOWN_COMMUNITY
    return toView(saved, community, { idNumber: false, phone: true })
  },
})
