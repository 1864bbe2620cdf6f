import { mayWithdraw } from '@/domain/fund/aid'
import { AppError } from '@/domain/errors'
import { fundInputs } from '@/domain/fund/contract'
import { _ } from '../../_kit/cloud'
import { action } from '../../_kit/define-function'
import { fundAid, requireAid, requireViewer, toAidRequest, type AidDoc } from '../aid-docs'

/**
 * 撤回: the applicant takes back their own request while it waits. One conditional update on
 * `pending` (and the approvals seen): a repeated tap withdraws once, and a decision staff made
 * meanwhile stands. The applicant's own act, so no audit entry and nobody is told; the request
 * simply leaves the staff queue. Its record stays, as every request's does.
 */
export const withdraw = action({
  input: fundInputs.withdraw,
  audience: 'anyone',
  async handler({ aidId }, ctx) {
    const [aid, user] = await Promise.all([requireAid(aidId), ctx.user()])
    requireViewer(aid, user, ctx.openid)
    if (aid.status === 'withdrawn' && aid.applicantOpenid === ctx.openid) return toAidRequest(aid, user, ctx.openid)
    if (aid.applicantOpenid !== ctx.openid) throw new AppError('FORBIDDEN', '只有申请人本人可以撤回申请')
    if (!mayWithdraw(aid, ctx.openid)) throw new AppError('CONFLICT', '申请已经处理，不能撤回，请刷新后查看结果')
    const step = { at: new Date(), action: 'withdraw' as const, by: ctx.openid, byName: '本人', note: '' }
    const { stats } = await fundAid()
      .where({ _id: aidId, status: 'pending', approvals: aid.approvals })
      .update({ data: { status: 'withdrawn', history: _.push(step) } })
    if (stats.updated === 1) return toAidRequest({ ...aid, status: 'withdrawn', history: [...aid.history, step] } satisfies AidDoc, user, ctx.openid)
    const now = await requireAid(aidId)
    if (now.status !== 'withdrawn') throw new AppError('CONFLICT', '申请刚刚有了变化，请刷新后查看结果')
    return toAidRequest(now, user, ctx.openid)
  },
})
