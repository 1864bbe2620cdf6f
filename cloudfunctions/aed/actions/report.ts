import { aedInputs, REPORT_KINDS } from '@/domain/aed/contract'
import { takesOutOfService } from '@/domain/aed/readiness'
import { STANDING_LABELS } from '@/domain/aed/standing'
import { todayInChina } from '@/domain/dates'
import { AppError } from '@/domain/errors'
import { _, isDuplicateKey } from '../../_kit/cloud'
import { requirePassingText } from '../../_kit/content-check'
import { action } from '../../_kit/define-function'
import { ownedId } from '../../_kit/ids'
import { notify, notifySettingsOf } from '../../_kit/notify'
import { takeSlot } from '../../_kit/rate-limit'
import { requireOwnFiles } from '../../_kit/uploads'
import { tellStaffOfQueue } from '../../_kit/staff-queue'
import { alertGuardian, alertKeepers } from '../alerts'
import { aeds, findAed, reports, requireAed } from '../aeds'
import { applyEarlyVerdicts, checkedPhoto } from '../../_kit/photo-checks'
import { findReport, latestReportOf, reportIdOf, toReport, type ReportDoc } from '../reports'
import { reporterStanding, standingRecordsOf } from '../standing'

/** Reports one person may file a day: enough for a walk round the estate, too few to take a district's AEDs off the map. */
export const DAILY_REPORT_LIMIT = 5
const LIMIT_MESSAGE = `每人每天最多报告${DAILY_REPORT_LIMIT}次，谢谢您的热心，明天再来吧`

/**
 * 报告问题. While the report is open, a fault or a use makes the AED out of service when the
 * reporter has standing (guardian, staff, certified responder, member, active volunteer:
 * standing.ts) and only warns when they have none, so fresh accounts cannot take devices out of
 * the emergency list (issue 29); 找不到 or 位置不对 makes its position doubtful, a locked cabinet
 * is a warning (readiness reads the open reports). The guardian is told at once, and the guardian
 * and staff both when the device is taken out; staff hear of their queue; the reporter gets an
 * acknowledgement. The note
 * must pass the content check; a photo must be the reporter's own and stays hidden until checked.
 * A person's report of the same kind on the same AED while their last one is open counts once: it
 * answers that one, spends no daily slot and tells nobody again.
 */
export const report = action({
  input: aedInputs.report,
  audience: 'anyone',
  // Beside the caller's record: the AED, their last report of this kind, what gives their word
  // standing, and their message settings (for the acknowledgement).
  preload: ({ aedId, kind }, openid) => Promise.all([findAed(aedId), latestReportOf(openid, aedId, kind), standingRecordsOf(openid), notifySettingsOf(openid)]),
  async handler({ aedId, kind, note, photo }, ctx, [found, latest, records, settings]) {
    requireOwnFiles(ctx.openid, photo ? [photo] : [])
    if (note) await requirePassingText(ctx.openid, note)
    const aed = found ?? (await requireAed(aedId))
    if (!aed.verified) throw new AppError('NOT_FOUND', '没有找到这台AED')
    if (latest?.status === 'open') return toReport(latest)

    const user = await ctx.user()
    const standing = await reporterStanding(aed, user, records)
    const now = new Date()
    const doc: ReportDoc = {
      _id: reportIdOf(ctx.openid, aedId, kind, latest ? latest.round + 1 : 0),
      aedId,
      aedName: aed.name,
      communityId: aed.communityId,
      kind,
      note,
      photo: await checkedPhoto(ctx.openid, photo),
      reporterOpenid: ctx.openid,
      standing,
      round: latest ? latest.round + 1 : 0,
      status: 'open',
      createdAt: now,
    }
    // The report goes in before the daily slot is taken, so that only the one tap that adds it
    // spends a slot; the others of a double tap answer the report it added.
    try {
      await reports().add({ data: { ...doc, createdAt: now } })
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
      // The other tap's report, unless it was over the limit and taken back again.
      const added = await findReport(doc._id)
      if (!added) throw new AppError('RATE_LIMITED', LIMIT_MESSAGE)
      return toReport(added)
    }
    try {
      await takeSlot(`${ownedId('ar', ctx.openid)}-${todayInChina()}`, DAILY_REPORT_LIMIT, LIMIT_MESSAGE)
    } catch (error) {
      await reports().where({ _id: doc._id, status: 'open' }).remove()
      throw error
    }

    await applyEarlyVerdicts([doc.photo])
    const who = standing ? STANDING_LABELS[standing] : '居民（未核实身份）'
    const entry = { at: new Date(), event: `${who}报告：${REPORT_KINDS[kind]}，等待负责人检查`, by: ctx.openid, byName: user.displayName, ...(note ? { note } : {}) }
    const takesOut = takesOutOfService({ kind, confirmed: !!standing })
    const message = `${who}报告“${REPORT_KINDS[kind]}”${takesOut ? '，已暂停使用，请尽快检查' : ''}${note ? `：${note}` : ''}`
    await Promise.all([
      aeds().where({ _id: aedId }).update({ data: { history: _.push(entry) } }),
      takesOut ? alertKeepers(aed, message, `report|${doc._id}`, note ? ctx.openid : undefined) : alertGuardian(aed, message, note ? ctx.openid : undefined),
      tellStaffOfQueue(aed.communityId, 'aed_reports'),
      notify(ctx.openid, 'aed_report', { aedId, aedName: aed.name, kind, outcome: 'received', at: now }, { settings }),
    ])
    return toReport(doc)
  },
})
