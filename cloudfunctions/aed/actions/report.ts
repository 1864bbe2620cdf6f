import { aedInputs, REPORT_KINDS } from '@/domain/aed/contract'
import { todayInChina } from '@/domain/dates'
import { AppError } from '@/domain/errors'
import { _, db } from '../../_kit/cloud'
import { action } from '../../_kit/define-function'
import { ownedId } from '../../_kit/ids'
import { notify } from '../../_kit/notify'
import { takeSlot } from '../../_kit/rate-limit'
import { alertKeepers } from '../alerts'
import { aeds, reports, requireAed } from '../aeds'
import { toReport, type ReportDoc } from '../reports'

/** Reports one person may file a day: enough for a walk round the estate, too few to take a district's AEDs off the map. */
export const DAILY_REPORT_LIMIT = 10

/**
 * 报告问题. While the report is open, a fault or a use makes the AED out of service, 找不到 or
 * 位置不对 makes its position doubtful, a locked cabinet is a warning (readiness reads the open
 * reports); those who look after it are told, and the reporter gets an acknowledgement.
 */
export const report = action({
  input: aedInputs.report,
  audience: 'anyone',
  async handler({ aedId, kind, note, photo }, ctx) {
    const [aed, user] = await Promise.all([requireAed(aedId), ctx.user()])
    if (!aed.verified) throw new AppError('NOT_FOUND', '没有找到这台AED')
    await takeSlot(`${ownedId('ar', ctx.openid)}-${todayInChina()}`, DAILY_REPORT_LIMIT, `每人每天最多报告${DAILY_REPORT_LIMIT}次，谢谢您的热心，明天再来吧`)
    const doc: Omit<ReportDoc, '_id' | 'createdAt'> = { aedId, aedName: aed.name, communityId: aed.communityId, kind, note, photo: photo ?? null, reporterOpenid: ctx.openid, status: 'open' }
    const now = new Date()
    const { _id } = await reports().add({ data: { ...doc, createdAt: now } })
    const entry = { at: db.serverDate(), event: `居民报告：${REPORT_KINDS[kind]}，等待负责人检查`, by: ctx.openid, byName: user.displayName, ...(note ? { note } : {}) }
    await Promise.all([
      aeds().where({ _id: aedId }).update({ data: { history: _.push(entry) } }),
      alertKeepers(aed, `有居民报告“${REPORT_KINDS[kind]}”${note ? `：${note}` : ''}`),
      notify(ctx.openid, 'aed_report', { aedId, aedName: aed.name, kind, outcome: 'received', at: now }),
    ])
    return toReport({ ...doc, _id: String(_id), createdAt: now })
  },
})
