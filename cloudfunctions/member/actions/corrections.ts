import crypto from 'node:crypto'
import { AppError } from '@/domain/errors'
import { memberInputs } from '@/domain/member/contract'
import { _ } from '../../_kit/cloud'
import { action } from '../../_kit/define-function'
import { tellStaffOfQueue } from '../../_kit/staff-queue'
import { staffOf } from '../../_kit/users'
import { applications, communityFacts, findApplication, toView, UNKNOWN_COMMUNITY, type ApplicationDoc } from '../applications'

/** At most this many requests wait at once: a correction is checked by a person. */
const MAX_OPEN = 3

/**
 * 更正 (PIPL 第四十六条): the applicant asks for a verified field to be corrected; it is written
 * under a key derived from field and value, so sending it twice is one request.
 */
export const requestCorrection = action({
  input: memberInputs.requestCorrection,
  audience: 'anyone',
  // The caller's application, then its community and staff (to tell), beside the caller's record.
  async preload(_input, openid) {
    const doc = await findApplication({ openid })
    if (!doc) return null
    const [facts, staff] = await Promise.all([communityFacts([doc.communityId]), staffOf(doc.communityId).catch(() => undefined)])
    return { doc, community: facts.get(doc.communityId) ?? UNKNOWN_COMMUNITY, staff }
  },
  async handler({ field, value }, _ctx, found) {
    const doc = found?.doc
    if (doc?.status === 'withdrawn') throw new AppError('CONFLICT', '申请已撤回，重新提交时直接填写正确的信息即可')
    if (!found || !doc || doc.status === 'pending') throw new AppError('CONFLICT', doc ? '申请还在审核中，可以等审核后再提出更正' : '您还没有入会申请')
    const open = Object.values(doc.corrections ?? {}).filter((c) => c.status === 'open').length
    if (open >= MAX_OPEN) throw new AppError('RATE_LIMITED', '已有更正申请在等待核实，请等工作人员处理后再提')
    const key = `c${crypto.createHash('sha256').update(`${field}:${value}`).digest('hex').slice(0, 12)}`
    if (doc.corrections?.[key]) return toView(doc, found.community, { idNumber: false, phone: true })
    const correction = { field, value, status: 'open' as const, at: new Date() }
    // Staff are told beside the write: a correction leaves the count of waiting applications as it is.
    const [{ stats }] = await Promise.all([
      applications().where({ _id: doc._id }).update({ data: { [`corrections.${key}`]: _.set(correction) } }),
      tellStaffOfQueue(doc.communityId, 'applications', found.staff),
    ])
    if (stats.updated !== 1) throw new AppError('CONFLICT', '入会记录已变化，请刷新后再试')
    // The record as written, without reading it back.
    return toView({ ...doc, corrections: { ...doc.corrections, [key]: correction } }, found.community, { idNumber: false, phone: true })
  },
})

/** Staff of the community decide a correction once: accepted, the field takes the new value. */
export const resolveCorrection = action({
  input: memberInputs.resolveCorrection,
  audience: ['staff'],
  // The application, beside the caller's record.
  preload: ({ applicationId }) => findApplication({ _id: applicationId }),
  async handler({ key, accept }, ctx, doc) {
    if (!doc) throw new AppError('NOT_FOUND', '没有找到这份入会申请')
    await ctx.requireStaffOf(doc.communityId)
    const correction = doc.corrections?.[key]
    if (!correction) throw new AppError('NOT_FOUND', '没有找到这条更正申请')
    const decided = accept ? ('accepted' as const) : ('declined' as const)
    // The same decision again (a retry) answers as the first; the other one is refused.
    if (correction.status !== 'open' && correction.status !== decided) throw new AppError('CONFLICT', '这条更正申请已经处理过了')
    const change = { status: decided, decidedBy: ctx.openid }
    // The community (for the view) is read beside the decision.
    const [{ stats }, facts] = await Promise.all([
      correction.status === 'open'
        ? applications()
            .where({ _id: doc._id, [`corrections.${key}.status`]: 'open' })
            .update({ data: { [`corrections.${key}.status`]: decided, [`corrections.${key}.decidedBy`]: ctx.openid, ...(accept ? { [correction.field]: correction.value } : {}) } })
        : { stats: { updated: 0 } },
      communityFacts([doc.communityId]),
    ])
    const community = facts.get(doc.communityId) ?? UNKNOWN_COMMUNITY
    if (correction.status !== 'open') return toView(doc, community, { idNumber: false, phone: true })
    if (stats.updated !== 1) {
      // Decided meanwhile: the same decision (a retry) answers as stored; gone means 注销 erased it.
      const now = await findApplication({ _id: doc._id })
      if (!now) throw new AppError('CONFLICT', '入会记录已变化，请刷新后再试')
      if (now.corrections?.[key]?.status !== decided) throw new AppError('CONFLICT', '这条更正申请已经处理过了')
      return toView(now, community, { idNumber: false, phone: true })
    }
    // The record as the update left it, without reading it back.
    const saved: ApplicationDoc = { ...doc, ...(accept ? { [correction.field]: correction.value } : {}), corrections: { ...doc.corrections, [key]: { ...correction, ...change } } }
    return toView(saved, community, { idNumber: false, phone: true })
  },
  audit: (input, out) => ({ communityId: out.communityId, target: out._id, summary: input.accept ? '接受入会资料更正' : '不接受入会资料更正', key: `${out._id}:${input.key}` }),
})
