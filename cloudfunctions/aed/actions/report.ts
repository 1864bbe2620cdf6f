import { aedInputs, FLAGGING_KINDS, REPORT_KINDS } from '@/domain/aed/contract'
import { AppError } from '@/domain/errors'
import { _, db } from '../../_kit/cloud'
import { action } from '../../_kit/define-function'
import { alertKeepers } from '../alerts'
import { aeds, reports, requireAed } from '../aeds'
import { toReport, type ReportDoc } from '../reports'

/**
 * 报告问题. A fault or a use takes the AED out of service (待核实) until its guardian inspects it;
 * the guardian and staff are told of every report.
 */
export const report = action({
  input: aedInputs.report,
  audience: 'anyone',
  async handler({ aedId, kind, note, photo }, ctx) {
    const aed = await requireAed(aedId)
    if (!aed.verified) throw new AppError('NOT_FOUND', '没有找到这台AED')
    const user = await ctx.user()
    const { _id } = await reports().add({ data: { aedId, aedName: aed.name, communityId: aed.communityId, kind, note, photo: photo ?? null, reporterOpenid: ctx.openid, status: 'open', createdAt: db.serverDate() } })
    if (FLAGGING_KINDS.includes(kind)) {
      await aeds()
        .where({ _id: aedId })
        .update({ data: { status: 'maintenance', history: _.push({ at: db.serverDate(), event: `居民报告：${REPORT_KINDS[kind]}，待核实`, by: ctx.openid, byName: user.displayName, ...(note ? { note } : {}) }) } })
    }
    await alertKeepers(aed, `有居民报告“${REPORT_KINDS[kind]}”${note ? `：${note}` : ''}`)
    const { data } = await reports().where({ _id }).get<ReportDoc>()
    return toReport(data[0])
  },
})
