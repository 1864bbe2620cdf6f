import { todayInChina } from '@/domain/dates'
import { AppError } from '@/domain/errors'
import { applicationSchema } from '@/domain/member/application'
import { _, db, isDuplicateKey } from '../../_kit/cloud'
import { requireCommunity } from '../../_kit/communities'
import { action, ERASED_MEANWHILE } from '../../_kit/define-function'
import { ownedId } from '../../_kit/ids'
import { tellStaffOfQueue } from '../../_kit/staff-queue'
import { APPLICATION_RECORD_VERSION, applications, findApplication, toView } from '../applications'
import { sealId } from '../id-vault'

/** One ID number, one pending or approved application (a unique index on its keyed hash). */
const ID_TAKEN = new AppError('CONFLICT', '这个身份证号已用于另一份入会申请，如有疑问请联系社区工作人员')

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
      ...sealId(input.idNumber),
      phone: input.phone,
      communityId: input.communityId,
      address: input.address,
      guardian: input.guardian ?? null,
      status: 'pending',
      rejectReason: null,
      submittedAt: db.serverDate(),
      recordVersion: APPLICATION_RECORD_VERSION,
    }
    // A rejected application is corrected, and someone who left may join again: the same record, submitted anew.
    if (existing) {
      const entry = { at: new Date(), action: 'resubmitted', by: openid, byName: '本人' }
      // _.set: the stored guardian may be null, and a dotted path into null is refused.
      try {
        const { stats } = await applications()
          .where({ _id: existing._id, status: existing.status })
          .update({ data: { ...fields, guardian: fields.guardian && _.set(fields.guardian), history: _.push(entry) } })
        if (stats.updated !== 1) throw new AppError('CONFLICT', '申请状态已变化，请刷新后再试')
      } catch (error) {
        throw isDuplicateKey(error) ? ID_TAKEN : error
      }
    } else {
      const entry = { at: new Date(), action: 'submitted', by: openid, byName: '本人' }
      try {
        await applications().add({
          data: { _id: ownedId('ap', openid), openid, ...fields, memberNo: null, joinedAt: null, duesPaidThrough: null, history: [entry], idViews: [] },
        })
      } catch (error) {
        if (!isDuplicateKey(error)) throw error
        // The same person twice (their application's id), or someone else's ID number (its unique hash).
        throw /id_number/.test((error as Error).message) ? ID_TAKEN : new AppError('CONFLICT', '您的入会申请已经提交过了')
      }
    }
    const saved = await findApplication({ openid })
    if (!saved) throw ERASED_MEANWHILE()
    await tellStaffOfQueue(saved.communityId, 'applications')
    return toView(saved, community, { idNumber: false, phone: true })
  },
})
