import { AppError } from '@/domain/errors'
import { toCsv } from '@/domain/fund/csv'
import { fundInputs } from '@/domain/fund/contract'
import { plainYuan } from '@/domain/fund/rules'
import { _ } from '../../_kit/cloud'
import { findCommunity, requireCommunity } from '../../_kit/communities'
import { action } from '../../_kit/define-function'
import { fundEntries, type EntryDoc } from '../ledger-docs'
import { openingKey } from '../../_kit/audit'

/** A year of a busy station's entries fits; more is a sign the period is wrong. */
const MAX_ROWS = 5000

const HEADER = ['序号', '日期', '收支', '类别', '金额（元）', '捐赠人/受助人', '渠道', '凭证号', '说明', '冲正第几条', '登记人', '登记日期', '哈希']

/** Entries one read fetches (CloudBase's most per get). */
const PAGE = 1000

const periodOf = (communityId: string, from: string, to: string) => ({ communityId, date: _.and(_.gte(from), _.lte(to)) })
const pageOf = (communityId: string, from: string, to: string, index: number) =>
  fundEntries().where(periodOf(communityId, from, to)).orderBy('date', 'asc').orderBy('seq', 'asc').skip(index * PAGE).limit(PAGE).get<EntryDoc>()

/** Staff export a period for the finance office: CSV with full names (it stays inside the office). */
export const exportCsv = action({
  input: fundInputs.export,
  audience: ['staff'],
  // The community, the count and the first page beside the caller's record: a period of up to
  // one page is read in that one round trip (what is read reaches only staff of the community).
  preload: ({ communityId, from, to }) => Promise.all([findCommunity(communityId), fundEntries().where(periodOf(communityId, from, to)).count(), pageOf(communityId, from, to, 0)]),
  async handler({ communityId, from, to }, ctx, [found, { total }, first]) {
    await ctx.requireStaffOf(communityId)
    const community = found ?? (await requireCommunity(communityId))
    if (to < from) throw new AppError('INVALID_INPUT', '结束日期不能早于开始日期', { to: '结束日期不能早于开始日期' })
    if (total > MAX_ROWS) throw new AppError('INVALID_INPUT', `这段时间有 ${total} 条，一次最多导出 ${MAX_ROWS} 条，请缩短时间段`)
    const rest = await Promise.all(Array.from({ length: Math.max(0, Math.ceil(total / PAGE) - 1) }, (_unused, i) => pageOf(communityId, from, to, i + 1)))
    const rows = [first, ...rest].flatMap((p) => p.data).map((e) => [
      e.seq,
      e.date,
      e.kind === 'income' ? '收入' : '支出',
      e.category,
      plainYuan(e.reverses === null ? e.amountFen : -e.amountFen),
      e.party || e.partyShown,
      e.channel,
      e.reference,
      e.note,
      e.reverses ?? '',
      e.recordedByName,
      e.recordedOn,
      e.hash,
    ])
    return { filename: `${community.name}博爱互助金_${from}_${to}.csv`, csv: toCsv(HEADER, rows), rows: rows.length }
  },
  audit: (input, out, actor) => ({ communityId: input.communityId, target: `fund:${input.from}~${input.to}`, summary: `导出互助金账目 ${input.from} 至 ${input.to}（${out.rows} 笔）`, key: openingKey(actor.openid, `${input.communityId}:${input.from}:${input.to}`) }),
})
