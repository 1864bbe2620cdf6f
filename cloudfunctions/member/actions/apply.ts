import { todayInChina } from '@/domain/dates'
import { AppError } from '@/domain/errors'
import { isYouth } from '@/domain/member/age'
import { applicationSchema } from '@/domain/member/application'
import { _, db } from '../../_kit/cloud'
import { requireCommunity } from '../../_kit/communities'
import { action } from '../../_kit/define-function'
import { ownedId } from '../../_kit/ids'
import { applications, findApplication, toView } from '../applications'

/** 申请入会: one application per person; a rejected one is corrected and submitted again. */
export const apply = action({
  input: () => applicationSchema(todayInChina()),
  audience: 'anyone',
  async handler(input, { openid }) {
    const community = await requireCommunity(input.communityId)
    const existing = await findApplication({ openid })
    if (existing?.status === 'pending') throw new AppError('CONFLICT', '您的入会申请正在审核中，请耐心等待')
    if (existing?.status === 'approved') throw new AppError('CONFLICT', '您已经是红十字会员了')

    const fields = {
      name: input.name,
      gender: input.gender,
      birthDate: input.birthDate,
      idNumber: input.idNumber,
      phone: input.phone,
      communityId: input.communityId,
      address: input.address,
      occupation: input.occupation,
      youth: isYouth(input.birthDate, todayInChina()),
      guardian: input.guardian ?? null,
      status: 'pending',
      rejectReason: null,
      submittedAt: db.serverDate(),
    }
    if (existing) {
      const entry = { at: db.serverDate(), action: 'resubmitted', by: openid, byName: '本人' }
      // _.set: the stored guardian may be null, and a dotted path into null is refused.
      const { stats } = await applications()
        .where({ _id: existing._id, status: 'rejected' })
        .update({ data: { ...fields, guardian: fields.guardian && _.set(fields.guardian), history: _.push(entry) } })
      if (stats.updated !== 1) throw new AppError('CONFLICT', '申请状态已变化，请刷新后再试')
    } else {
      const entry = { at: db.serverDate(), action: 'submitted', by: openid, byName: '本人' }
      try {
        await applications().add({
          data: { _id: ownedId('ap', openid), openid, ...fields, memberNo: null, joinedAt: null, validUntil: null, history: [entry] },
        })
      } catch {
        throw new AppError('CONFLICT', '您的入会申请已经提交过了')
      }
    }
    const saved = await findApplication({ openid })
    if (!saved) throw new Error('application missing right after it was written')
    return toView(saved, community.name, { idNumber: false, phone: true })
  },
})
