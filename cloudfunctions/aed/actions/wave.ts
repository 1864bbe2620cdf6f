import { aedInputs } from '@/domain/aed/contract'
import { AppError } from '@/domain/errors'
import { _ } from '../../_kit/cloud'
import { chinaDayEnd, chinaDayStart } from '../../_kit/dates'
import { action } from '../../_kit/define-function'
import { aeds, reports } from '../aeds'
import { closeAll, toReports, type ReportDoc } from '../reports'
import { changeKey } from '../../_kit/audit'

/** Reports read per call: a wave beyond it is dismissed by calling again (`more`). */
const WAVE_BATCH = 200
const RESOLUTION = '经社区工作人员核实，未发现报告的问题（报告人身份未核实）'

type Period = { communityId: string; from: string; to: string }

/** Open reports from accounts without standing, in the community and period (oldest first); read beside the caller's record. */
async function unconfirmedOf({ communityId, from, to }: Period): Promise<{ found: ReportDoc[]; more: boolean }> {
  // A period the handler refuses reads nothing.
  if (from > to) return { found: [], more: false }
  const { data } = await reports()
    .where({ communityId, status: 'open', createdAt: _.gte(chinaDayStart(from)).and(_.lt(chinaDayEnd(to))) })
    .orderBy('createdAt', 'asc')
    .limit(WAVE_BATCH)
    .get<ReportDoc>()
  return { found: data.filter((report) => !report.standing), more: data.length === WAVE_BATCH }
}

function requirePeriod({ from, to }: Period): void {
  if (from > to) throw new AppError('INVALID_INPUT', '开始日期不能晚于结束日期', { from: '开始日期不能晚于结束日期' })
}

/** Staff of the community see a wave of reports from accounts without standing, with how many devices it touches. */
export const unconfirmedReports = action({
  input: aedInputs.unconfirmedReports,
  audience: ['staff'],
  audit: 'read',
  preload: unconfirmedOf,
  async handler(period, ctx, { found }) {
    await ctx.requireStaffOf(period.communityId)
    requirePeriod(period)
    return { items: await toReports(found.slice(0, 50)), total: found.length, aeds: new Set(found.map((r) => r.aedId)).size }
  },
})

/**
 * One action reverses a wave: every open report from an account without standing in the
 * community and period is dismissed, each reporter told once, each AED's record says who did it.
 * Reports from people with standing are left for the keepers to check. A retry dismisses nothing twice.
 */
export const dismissUnconfirmed = action({
  input: aedInputs.dismissUnconfirmed,
  audience: ['staff'],
  preload: unconfirmedOf,
  async handler(period, ctx, { found, more }) {
    const user = await ctx.requireStaffOf(period.communityId)
    requirePeriod(period)
    // Each AED's record and the audit entry go beside the reporters' messages.
    const recordEach = async (closed: ReportDoc[]) => {
      const perAed = new Map<string, number>()
      for (const report of closed) perAed.set(report.aedId, (perAed.get(report.aedId) ?? 0) + 1)
      await Promise.all([
        ...[...perAed].map(([aedId, count]) =>
          aeds()
            .where({ _id: aedId })
            .update({ data: { history: _.push({ at: new Date(), event: `工作人员撤销${count}条未核实身份的报告`, by: user._id, byName: `工作人员 ${user.displayName}` }) } }),
        ),
        ctx.auditAlongside({ dismissed: closed.length, more }),
      ])
    }
    const closed = await closeAll(found, 'dismissed', RESOLUTION, user._id, recordEach)
    return { dismissed: closed.length, more }
  },
  audit: (input, out) => (out.dismissed ? { communityId: input.communityId, target: `aedReports:${input.from}~${input.to}`, summary: `批量关闭未经证实的 AED 报告 ${out.dismissed} 条（${input.from} 至 ${input.to}）`, key: changeKey(input.communityId, { ...input, ...out }) } : null),
})
