import { AppError } from '@/domain/errors'
import { fundInputs } from '@/domain/fund/contract'
import { formatYuan, shownParty } from '@/domain/fund/rules'
import { todayInChina } from '@/domain/dates'
import { findCommunity, requireCommunity } from '../../_kit/communities'
import { requirePassingText } from '../../_kit/content-check'
import { action } from '../../_kit/define-function'
import { append, headOf } from '../append'
import { toFundEntry } from '../ledger-docs'
import { requireProjectOf } from '../projects'

/**
 * Staff record money that arrived or went out. Money is never collected in the app (慈善法 2016
 * art. 23, kept in the 2023 revision: online public fundraising goes through the platforms the
 * 民政部 designates); staff record what arrived there. Spending beyond the balance is refused.
 * Retry-safe: the same requestId answers the entry already recorded.
 */
export const record = action({
  input: fundInputs.record,
  audience: ['staff'],
  // The community, the project and the ledger's head, beside the caller's record (a failed look-up is read again below, to say why).
  preload: ({ communityId, projectId }) => Promise.all([findCommunity(communityId), projectId ? requireProjectOf(projectId, communityId).catch(() => null) : null, headOf(communityId)]),
  async handler(input, ctx, [community, project, head]) {
    const staff = await ctx.requireStaffOf(input.communityId)
    if (!community) await requireCommunity(input.communityId)
    if (input.date > todayInChina()) throw new AppError('INVALID_INPUT', '日期不能晚于今天', { date: '日期不能晚于今天' })
    if (input.projectId && !project) await requireProjectOf(input.projectId, input.communityId)
    const donor = input.kind === 'income'
    const partyShown = shownParty(input.kind, input.party)
    const publicText = [donor ? input.party : '', input.reference, input.note].filter(Boolean).join('\n')
    await requirePassingText(ctx.openid, publicText)
    const { entry } = await append(input.communityId, input.requestId, (head) => {
      if (!donor && input.amountFen > head.balanceFen) throw new AppError('CONFLICT', '余额不足，不能支出这笔钱')
      return {
        kind: input.kind,
        amountFen: input.amountFen,
        date: input.date,
        category: input.category,
        partyShown,
        channel: input.channel,
        reference: input.reference,
        note: input.note,
        projectId: input.projectId,
        reverses: null,
        party: input.party,
        aidId: null,
        recordedBy: ctx.openid,
        recordedByName: staff.displayName,
      }
    }, { known: head, alongside: (stored) => ctx.auditAlongside(toFundEntry(stored)) })
    return toFundEntry(entry)
  },
  audit: (input, out) => ({ communityId: out.communityId, target: out._id, summary: `记账第 ${out.seq} 笔：${out.kind === 'income' ? '收入' : '支出'} ${formatYuan(out.amountFen)} 元（${out.category}）`, key: `${out.communityId}:${input.requestId}` }),
})
