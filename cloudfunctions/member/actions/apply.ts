import { todayInChina } from '@/domain/dates'
import { AppError } from '@/domain/errors'
import { applicationSchema } from '@/domain/member/application'
import { _, db, isDuplicateKey } from '../../_kit/cloud'
import { requireCommunity } from '../../_kit/communities'
import { action } from '../../_kit/define-function'
import { ownedId } from '../../_kit/ids'
import { tellStaffOfQueue } from '../../_kit/staff-queue'
import { staffOf } from '../../_kit/users'
import { APPLICATION_RECORD_VERSION, applications, findApplication, toView, type ApplicationDoc } from '../applications'
import { sealId } from '../id-vault'

/** One ID number, one pending or approved application (a unique index on its keyed hash). */
const ID_TAKEN = new AppError('CONFLICT', '这个身份证号已用于另一份入会申请，如有疑问请联系社区工作人员')

/** 申请入会: one application per person; a rejected one is corrected and submitted again. */
export const apply = action({
  input: () => applicationSchema(todayInChina()),
  audience: 'anyone',
  // The community, the caller's application if any, and the community's staff (to tell; read again later if this fails), beside the caller's record.
  preload: ({ communityId }, openid) => Promise.all([requireCommunity(communityId), findApplication({ openid }), staffOf(communityId).catch(() => undefined)]),
  async handler(input, { openid }, [community, existing, staff]) {
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
    let saved: ApplicationDoc
    if (existing) {
      const entry = { at: new Date(), action: 'resubmitted' as const, by: openid, byName: '本人' }
      // _.set: the stored guardian may be null, and a dotted path into null is refused.
      try {
        const { stats } = await applications()
          .where({ _id: existing._id, status: existing.status })
          .update({ data: { ...fields, guardian: fields.guardian && _.set(fields.guardian), history: _.push(entry) } })
        if (stats.updated !== 1) throw new AppError('CONFLICT', '申请状态已变化，请刷新后再试')
      } catch (error) {
        throw isDuplicateKey(error) ? ID_TAKEN : error
      }
      saved = { ...existing, ...fields, status: 'pending', submittedAt: entry.at, history: [...(existing.history ?? []), entry] }
    } else {
      const entry = { at: new Date(), action: 'submitted' as const, by: openid, byName: '本人' }
      const doc = { _id: ownedId('ap', openid), openid, ...fields, memberNo: null, joinedAt: null, duesPaidThrough: null, history: [entry], idViews: [] }
      try {
        await applications().add({ data: doc })
        saved = { ...doc, status: 'pending', submittedAt: entry.at }
      } catch (error) {
        if (!isDuplicateKey(error)) throw error
        // The same person twice (their application's id), or someone else's ID number (its unique hash).
        throw /id_number/.test((error as Error).message) ? ID_TAKEN : new AppError('CONFLICT', '您的入会申请已经提交过了')
      }
    }
    // The record as written, without reading it back; staff are told after it (their count includes it).
    await tellStaffOfQueue(saved.communityId, 'applications', staff)
    return toView(saved, community, { idNumber: false, phone: true })
  },
})
