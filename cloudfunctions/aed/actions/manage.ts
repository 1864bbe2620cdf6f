import { aedInputs, REPORT_KINDS, type ReportKind } from '@/domain/aed/contract'
import { todayInChina } from '@/domain/dates'
import { AppError } from '@/domain/errors'
import type { UserDoc } from '@/domain/user/types'
import { _, db } from '../../_kit/cloud'
import { requirePassingText } from '../../_kit/content-check'
import { action, type ActionContext } from '../../_kit/define-function'
import { alertKeepers } from '../alerts'
import { aeds, point, reports, requireAed, type AedDoc } from '../aeds'
import { detailFor } from '../detail'
import { requireKeeper } from '../keepers'
import { closeAll, closeOne, requireReport, toReport, toReports, type ReportDoc } from '../reports'

/** What staff write about a device that everyone reads: checked together, in one request. */
type PublicTexts = { name: string; address: string; landmark: string; floor: string; accessNotes: string; model: string; guardianOrg: string }
const publicTextOf = (texts: PublicTexts): string => [texts.name, texts.address, texts.landmark, texts.floor, texts.accessNotes, texts.model, texts.guardianOrg].filter(Boolean).join('\n')

/** The AEDs of the caller's communities, suggestions included, those needing attention first. */
export const manageList = action({
  input: aedInputs.manageList,
  audience: ['staff'],
  async handler({ communityId, page, pageSize }, ctx) {
    const scope = await ctx.staffScope(communityId)
    const criteria = { communityId: _.in(scope) }
    const [{ data }, { total }] = await Promise.all([
      aeds().where(criteria).orderBy('verified', 'asc').orderBy('status', 'desc').orderBy('name', 'asc').skip((page - 1) * pageSize).limit(pageSize).get<AedDoc>(),
      aeds().where(criteria).count(),
    ])
    const user = await ctx.user()
    return { items: await Promise.all(data.map((aed) => detailFor(aed, user))), total, page, pageSize }
  },
})

/** Staff add an AED or correct one of their community's. */
export const save = action({
  input: aedInputs.save,
  audience: ['staff'],
  async handler({ aedId, latitude, longitude, guardianOpenid, hours, accessPhone, ...fields }, ctx) {
    const user = await ctx.requireStaffOf(fields.communityId)
    if (aedId) await ctx.requireStaffOf((await requireAed(aedId)).communityId)
    await requirePassingText(ctx.openid, publicTextOf(fields))
    const entry = { at: new Date(), event: aedId ? '信息更新' : '工作人员登记', by: user._id, byName: `工作人员 ${user.displayName}` }
    // A guardian left out of the form is kept; an empty one is removed.
    const guardian = guardianOpenid === undefined ? {} : { guardianOpenid: guardianOpenid || null }
    const stored = { ...fields, ...guardian, accessPhone: accessPhone || null, location: point(latitude, longitude) }
    let id = aedId
    if (aedId) {
      // _.set replaces the hours whole: the SDK would merge a plain object field by field, so a
      // day taken out of the week would stay open.
      await aeds().where({ _id: aedId }).update({ data: { ...stored, hours: _.set(hours), history: _.push(entry) } })
    } else {
      const data = { guardianOpenid: null, ...stored, hours, lastInspection: null, status: 'available', verified: true, photo: null, history: [entry], createdAt: db.serverDate() }
      id = (await aeds().add({ data }))._id
    }
    return detailFor(await requireAed(id as string), user)
  },
})

/**
 * A resident's suggestion checked on site: published with the real details staff recorded there
 * (hours, placement, expiry dates, access notes and phone), never with defaults. Verifying again
 * changes nothing and answers the same.
 */
export const verify = action({
  input: aedInputs.verify,
  audience: ['staff'],
  async handler({ aedId, latitude, longitude, guardianOpenid, hours, ...fields }, ctx) {
    const aed = await requireAed(aedId)
    const user = await ctx.requireStaffOf(aed.communityId)
    if (fields.communityId !== aed.communityId) await ctx.requireStaffOf(fields.communityId)
    await requirePassingText(ctx.openid, publicTextOf(fields))
    const guardian = guardianOpenid === undefined ? {} : { guardianOpenid: guardianOpenid || null }
    const entry = { at: new Date(), event: '工作人员现场核实，已公开', by: user._id, byName: `工作人员 ${user.displayName}` }
    await aeds()
      .where({ _id: aedId, verified: false })
      .update({ data: { ...fields, ...guardian, hours: _.set(hours), location: point(latitude, longitude), status: 'available', verified: true, history: _.push(entry) } })
    return detailFor(await requireAed(aedId), user)
  },
})

/** Reports an inspection on site answers: the device was found there and checked. */
const INSPECTION_ANSWERS: ReportKind[] = ['fault', 'used', 'missing']
/** Enough for any real backlog of one device; a flood beyond it is closed by the next inspection. */
const RESOLVE_BATCH = 100

/**
 * 巡检 by those who look after the AED. 设备完好 only with pads and battery in date on the day
 * of the inspection (new dates may come with it); it puts the device back in service and closes
 * the open fault, use and 找不到 reports, telling each reporter. 设备故障 stops it for repair.
 */
export const inspect = action({
  input: aedInputs.inspect,
  audience: 'anyone',
  async handler({ aedId, date, result, padsExpiry, batteryExpiry, note }, ctx) {
    const aed = await requireAed(aedId)
    const user = await requireKeeper(aed, ctx)
    if (date > todayInChina()) throw new AppError('INVALID_INPUT', '巡检日期不能晚于今天', { date: '巡检日期不能晚于今天' })
    const fine = result === 'ok'
    if (fine) refuseExpired({ padsExpiry, batteryExpiry }, date)
    if (note) await requirePassingText(ctx.openid, note)
    const entry = { at: new Date(), event: fine ? '巡检：设备完好' : '巡检：设备故障，停用维修', by: user._id, byName: user.displayName, ...(note ? { note } : {}) }
    await aeds()
      .where({ _id: aedId })
      .update({ data: { lastInspection: date, padsExpiry, batteryExpiry, status: fine ? 'available' : 'maintenance', history: _.push(entry) } })
    const { data: answered } = await reports()
      .where({ aedId, status: 'open', kind: _.in(INSPECTION_ANSWERS) })
      .limit(RESOLVE_BATCH)
      .get<ReportDoc>()
    const outcome = fine ? '负责人已到现场巡检：设备完好，可以使用' : '负责人已到现场巡检：设备故障，已停用维修'
    await Promise.all([closeAll(answered, 'resolved', outcome, user._id), fine ? null : alertKeepers(aed, '巡检发现设备故障，已停用', `inspection|${date}`)])
    return detailFor(await requireAed(aedId), user)
  },
})

/** An inspection cannot call a device fine while its pads or battery are past their date. */
function refuseExpired(dates: { padsExpiry: string; batteryExpiry: string }, on: string): void {
  const expired = {
    ...(dates.padsExpiry < on ? { padsExpiry: `电极片已于${dates.padsExpiry}过期` } : {}),
    ...(dates.batteryExpiry < on ? { batteryExpiry: `电池已于${dates.batteryExpiry}过期` } : {}),
  }
  const parts = Object.values(expired)
  if (parts.length === 0) return
  throw new AppError('INVALID_INPUT', `${parts.join('，')}，不能记为设备完好：请先更换，并在本次巡检中填写新的有效期`, expired)
}

/** Problem reports of the caller's communities. */
export const reportList = action({
  input: aedInputs.reports,
  audience: ['staff'],
  async handler({ status, page, pageSize }, ctx) {
    const criteria = { communityId: _.in(await ctx.staffScope()), status }
    const [{ data }, { total }] = await Promise.all([
      reports().where(criteria).orderBy('createdAt', 'asc').skip((page - 1) * pageSize).limit(pageSize).get<ReportDoc>(),
      reports().where(criteria).count(),
    ])
    return { items: await toReports(data), total, page, pageSize }
  },
})

/**
 * Those who look after the AED close a report with what they found; the reporter is told. Its
 * effect on readiness (out of service, position doubtful) ends with it. Closing it again changes
 * nothing and tells nobody twice.
 */
export const resolveReport = action({
  input: aedInputs.resolveReport,
  audience: 'anyone',
  handler: ({ reportId, resolution }, ctx) =>
    closeReport(reportId, ctx, {
      status: 'resolved',
      written: resolution,
      resolution,
      entry: (report, user) => ({ event: `报告已处理：${REPORT_KINDS[report.kind]}`, by: user._id, byName: user.displayName, note: resolution }),
    }),
})

/**
 * 不属实: those who look after the AED found nothing of what was reported. The report is closed
 * as dismissed, which ends its effect on readiness; the AED's record says who found it unfounded
 * and when, and the reporter is told.
 */
export const dismissReport = action({
  input: aedInputs.dismissReport,
  audience: 'anyone',
  handler: ({ reportId, reason }, ctx) =>
    closeReport(reportId, ctx, {
      status: 'dismissed',
      written: reason,
      resolution: `经核实，报告的情况不属实${reason ? `：${reason}` : ''}`,
      entry: (report, user) => ({ event: `报告不属实：${REPORT_KINDS[report.kind]}`, by: user._id, byName: user.displayName, ...(reason ? { note: reason } : {}) }),
    }),
})

type Closing = {
  status: 'resolved' | 'dismissed'
  /** What the keeper wrote (others read it): checked before anything changes. */
  written: string
  /** What the reporter is told. */
  resolution: string
  entry(report: ReportDoc, user: UserDoc): { event: string; by: string; byName: string; note?: string }
}

/** Closes one report for those who look after its AED and records it in the AED's history, once. */
async function closeReport(reportId: string, ctx: ActionContext, closing: Closing) {
  const report = await requireReport(reportId)
  const aed = await requireAed(report.aedId)
  const user = await requireKeeper(aed, ctx)
  if (closing.written) await requirePassingText(ctx.openid, closing.written)
  if (await closeOne(report, closing.status, closing.resolution, user._id)) {
    await aeds().where({ _id: aed._id }).update({ data: { history: _.push({ at: new Date(), ...closing.entry(report, user) }) } })
  }
  return toReport(await requireReport(reportId))
}
