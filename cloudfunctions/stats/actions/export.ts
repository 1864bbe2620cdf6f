import { AppError } from '@/domain/errors'
import { toCsv } from '@/domain/fund/csv'
import { plainYuan } from '@/domain/fund/rules'
import { statsInputs } from '@/domain/stats/contract'
import { TARGET_KEYS, TARGET_LABELS } from '@/domain/stats/figures'
import { openingKey } from '../../_kit/audit'
import { action } from '../../_kit/define-function'
import { districtOf, districtStats } from '../district'

const HEADER = [
  '博爱家园',
  '会员',
  '青少年会员',
  '志愿者',
  '注册志愿者',
  '服务时长（小时）',
  '发布心愿',
  '完成心愿',
  '初级救护员',
  '普及培训人数',
  '线上学完急救课',
  '紧急呼',
  '紧急呼响应人次',
  'AED',
  '可用AED',
  '互助金余额（元）',
  ...TARGET_KEYS.flatMap((key) => [`${TARGET_LABELS[key]}目标`, `${TARGET_LABELS[key]}完成率（%）`]),
  '统计时间',
]

/** The district's table as CSV for its report (public figures only; the district's own staff export it). */
export const exportCsv = action({
  input: statsInputs.export,
  audience: ['district'],
  async handler({ year, district: asked }, ctx) {
    const user = await ctx.user()
    const district = await districtOf(asked, ctx.user)
    if (!(user.districts ?? []).includes(district)) throw new AppError('FORBIDDEN', '只能导出本区县的数据')
    const stats = await districtStats(district, year)
    const row = (name: string, s: Pick<typeof stats, 'total' | 'targets' | 'completion'> & { computedAt: string | null }) => {
      const f = s.total
      return [
        name,
        f.members,
        f.youthMembers,
        f.volunteers,
        f.registeredVolunteers,
        f.hours,
        f.wishesPosted,
        f.wishesCompleted,
        f.rescuers,
        f.reached,
        f.lessonsPassed,
        f.rescueAlerts,
        f.rescueResponses,
        f.aeds,
        f.aedsReady,
        plainYuan(f.fundBalanceFen),
        ...TARGET_KEYS.flatMap((key) => [s.targets[key] ?? '', s.completion[key] ?? '']),
        s.computedAt ?? '',
      ]
    }
    const rows = [
      ...stats.communities.map((c) => row(c.communityName, { total: c.figures, targets: c.targets, completion: c.completion, computedAt: c.computedAt })),
      row('合计', { total: stats.total, targets: stats.targets, completion: stats.completion, computedAt: null }),
    ]
    return { filename: `${district}家园数据_${year}.csv`, csv: toCsv(HEADER, rows), rows: rows.length }
  },
  audit: (input, out, actor) => actor.districts.map((district) => ({ communityId: null, district, target: `stats:${district}:${input.year}`, summary: `导出${input.year}年家园数据（${out.rows} 行）`, key: openingKey(actor.openid, `stats:${district}:${input.year}`) })),
})
