import { aedInputs, REPORT_KINDS, type ReportKind } from '@/domain/aed/contract'
import { describeChecklist, refusalsOf, SELF_TESTS } from '@/domain/aed/inspection'
import { todayInChina } from '@/domain/dates'
import { AppError } from '@/domain/errors'
import type { UserDoc } from '@/domain/user/types'
import { _, db } from '../../_kit/cloud'
import { requirePassingText } from '../../_kit/content-check'
import { applyEarlyVerdicts, checkedPhoto } from '../../_kit/photo-checks'
import { requireOwnFiles } from '../../_kit/uploads'
import { action, type ActionContext } from '../../_kit/define-function'
import { alertKeepers } from '../alerts'
import { needingAttention } from '../attention'
import { aeds, findAed, point, reports, requireAed, type AedDoc } from '../aeds'
import { detailFor, detailsFor } from '../detail'
import { requireKeeper } from '../keepers'
import { closeAll, closeOne, requireReport, toReport, toReports, type ReportDoc } from '../reports'
import { changeKey } from '../../_kit/audit'
import { notifySettingsOf, type NotifySettingsDoc } from '../../_kit/notify'
import { readPage } from '../../_kit/pages'

/** What staff write about a device that everyone reads: checked together, in one request. */
type PublicTexts = { name: string; address: string; landmark: string; floor: string; accessNotes: string; model: string; guardianOrg: string }
const publicTextOf = (texts: PublicTexts): string => [texts.name, texts.address, texts.landmark, texts.floor, texts.accessNotes, texts.model, texts.guardianOrg].filter(Boolean).join('\n')

/** The AEDs of the caller's communities, suggestions included, those needing attention first; or only those (需要处理). */
export const manageList = action({
  input: aedInputs.manageList,
  audience: ['staff'],
  audit: 'read',
  async handler({ communityId, attention, page, pageSize }, ctx) {
    const scope = await ctx.staffScope(communityId)
    if (attention) {
      const [{ aeds: found, known }, user] = await Promise.all([needingAttention(scope), ctx.user()])
      const shown = found.slice((page - 1) * pageSize, page * pageSize)
      return { items: await detailsFor(shown, user, known), hasMore: found.length > page * pageSize, page, pageSize }
    }
    const criteria = { communityId: _.in(scope) }
    const { docs: data, hasMore } = await readPage<AedDoc>(aeds().where(criteria).orderBy('verified', 'asc').orderBy('status', 'desc').orderBy('name', 'asc'), page, pageSize)
    const user = await ctx.user()
    return { items: await detailsFor(data, user), hasMore, page, pageSize }
  },
})

/** Staff add an AED or correct one of their community's. */
export const save = action({
  input: aedInputs.save,
  audience: ['staff'],
  // The AED corrected, beside the caller's record (a missing one is read again below, to say why).
  preload: async ({ aedId }) => (aedId ? findAed(aedId) : null),
  async handler({ aedId, latitude, longitude, guardianOpenid, hours, accessPhone, ...fields }, ctx, found) {
    const user = await ctx.requireStaffOf(fields.communityId)
    const before = aedId ? (found ?? (await requireAed(aedId))) : null
    if (before) await ctx.requireStaffOf(before.communityId)
    await requirePassingText(ctx.openid, publicTextOf(fields))
    const entry = { at: new Date(), event: before ? '信息更新' : '工作人员登记', by: user._id, byName: `工作人员 ${user.displayName}` }
    // A guardian left out of the form is kept; an empty one is removed.
    const guardian = guardianOpenid === undefined ? {} : { guardianOpenid: guardianOpenid || null }
    const stored = { ...fields, ...guardian, accessPhone: accessPhone || null, location: point(latitude, longitude) }
    if (before) {
      // The answer is the record as written, so it is shown beside the write and its audit entry.
      const saved: AedDoc = { ...before, ...stored, hours, history: [...before.history, entry] }
      const detail = detailFor(saved, user)
      // _.set replaces the hours whole: the SDK would merge a plain object field by field, so a
      // day taken out of the week would stay open.
      const [answer] = await Promise.all([detail, aeds().where({ _id: before._id }).update({ data: { ...stored, hours: _.set(hours), history: _.push(entry) } }), detail.then((out) => ctx.auditAlongside(out))])
      return answer
    }
    const data = { guardianOpenid: null, ...stored, hours, lastInspection: null, status: 'available' as const, verified: true, photo: null, history: [entry] }
    const { _id } = await aeds().add({ data: { ...data, createdAt: db.serverDate() } })
    const answer = await detailFor({ _id: String(_id), ...data, createdAt: new Date() }, user)
    await ctx.auditAlongside(answer)
    return answer
  },
  audit: (input, out) => ({ communityId: out.communityId, target: out._id, summary: `${input.aedId ? '修改' : '新增'} AED：${out.name}`, key: changeKey(out._id, input) }),
})

/**
 * A resident's suggestion checked on site: published with the real details staff recorded there
 * (hours, placement, expiry dates, access notes and phone), never with defaults. Verifying again
 * changes nothing and answers the same.
 */
export const verify = action({
  input: aedInputs.verify,
  audience: ['staff'],
  // The suggestion beside the caller's record (a missing one is read again below, to say why).
  preload: ({ aedId }) => findAed(aedId),
  async handler({ aedId, latitude, longitude, guardianOpenid, hours, ...fields }, ctx, found) {
    const aed = found ?? (await requireAed(aedId))
    const user = await ctx.requireStaffOf(aed.communityId)
    if (fields.communityId !== aed.communityId) await ctx.requireStaffOf(fields.communityId)
    await requirePassingText(ctx.openid, publicTextOf(fields))
    const guardian = guardianOpenid === undefined ? {} : { guardianOpenid: guardianOpenid || null }
    const entry = { at: new Date(), event: '工作人员现场核实，已公开', by: user._id, byName: `工作人员 ${user.displayName}` }
    const published = { ...fields, ...guardian, hours, location: point(latitude, longitude), status: 'available' as const, verified: true }
    // Shown as published beside the publication; if it was not published here (verified already,
    // or withdrawn meanwhile), it is shown as it stands.
    const [{ stats }, shown] = await Promise.all([
      aeds()
        // On the community seen: a suggestion its suggester withdrew meanwhile is not published.
        .where({ _id: aedId, verified: false, communityId: aed.communityId })
        .update({ data: { ...published, hours: _.set(hours), history: _.push(entry) } }),
      aed.verified ? null : detailFor({ ...aed, ...published, history: [...aed.history, entry] }, user),
    ])
    return stats.updated === 1 && shown ? shown : detailFor(await requireAed(aedId), user)
  },
  audit: (input, out) => ({ communityId: out.communityId, target: out._id, summary: `核实并公开 AED：${out.name}`, key: changeKey(out._id, input) }),
})

/** Reports an inspection on site answers: the device was found there and checked. */
const INSPECTION_ANSWERS: ReportKind[] = ['fault', 'used', 'missing']
/** Enough for any real backlog of one device; a flood beyond it is closed by the next inspection. */
const RESOLVE_BATCH = 100

/**
 * 巡检 by those who look after the AED, with the record sheet's checklist (inspection.ts).
 * 设备完好 only when every essential item was seen fine and pads and battery are in date on the
 * day (new dates may come with it), and after a use only with new pads and a passed self-test; it
 * puts the device back in service and closes the open fault, use and 找不到 reports, telling each
 * reporter. 设备故障 stops it for repair. A photo taken on site becomes the device's photo once
 * its check passes.
 */
export const inspect = action({
  input: aedInputs.inspect,
  audience: 'anyone',
  // The AED and the reports an inspection answers, beside the caller's record (a missing AED is read again below, to say why).
  preload: ({ aedId }) => Promise.all([findAed(aedId), reports().where({ aedId, status: 'open', kind: _.in(INSPECTION_ANSWERS) }).limit(RESOLVE_BATCH).get<ReportDoc>()]),
  async handler({ aedId, note, photo, ...inspection }, ctx, [found, { data: answered }]) {
    requireOwnFiles(ctx.openid, photo ? [photo] : [])
    const aed = found ?? (await requireAed(aedId))
    const user = await requireKeeper(aed, ctx)
    const { date, result, checklist, padsExpiry, batteryExpiry, padsReplaced, selfTest } = inspection
    if (date > todayInChina()) throw new AppError('INVALID_INPUT', '巡检日期不能晚于今天', { date: '巡检日期不能晚于今天' })
    const refused = refusalsOf(inspection, answered.some((report) => report.kind === 'used'))
    if (Object.keys(refused).length > 0) throw new AppError('INVALID_INPUT', `不能记为设备完好：${Object.values(refused).join('；')}`, refused)
    if (note) await requirePassingText(ctx.openid, note)
    const fine = result === 'ok'
    const afterUse = padsReplaced ? `；已更换电极片（有效期至${padsExpiry}）${selfTest ? `，${SELF_TESTS[selfTest]}` : ''}` : ''
    const entry = { at: new Date(), event: fine ? '巡检：设备完好' : '巡检：设备故障，停用维修', by: user._id, byName: user.displayName, note: `${describeChecklist(checklist)}${afterUse}${note ? `。${note}` : ''}` }
    const checked = await checkedPhoto(ctx.openid, photo)
    const change = { lastInspection: date, lastChecklist: checklist, padsExpiry, batteryExpiry, status: fine ? ('available' as const) : ('maintenance' as const), ...(checked ? { photo: checked } : {}) }
    const update = aeds()
      .where({ _id: aedId })
      .update({ data: { ...change, lastChecklist: _.set(checklist), ...(checked ? { photo: _.set(checked) } : {}), history: _.push(entry) } })
    const outcome = fine ? '负责人已到现场巡检：设备完好，可以使用' : '负责人已到现场巡检：设备故障，已停用维修'
    // The answer is the AED as written. With no report to close, its open reports are not changed
    // by this call and are read beside the write; otherwise once they are closed.
    const shown = () => detailFor({ ...aed, ...change, history: [...aed.history, entry] }, user)
    const [answer] = await Promise.all([
      answered.length === 0 ? shown() : update.then(() => closeAll(answered, 'resolved', outcome, user._id)).then(shown),
      // A verdict that came before the photo was stored is applied once it is.
      update.then(() => applyEarlyVerdicts([checked])),
      fine ? null : alertKeepers(aed, '巡检发现设备故障，已停用', `inspection|${date}`),
    ])
    return answer
  },
  audit: (input, out) => ({ communityId: out.communityId, target: out._id, summary: `巡检 AED：${out.name}（${input.date}，${input.result === 'ok' ? '正常' : '有故障'}）`, key: changeKey(out._id, input) }),
})

/** Problem reports of the caller's communities. */
export const reportList = action({
  input: aedInputs.reports,
  audience: ['staff'],
  audit: 'read',
  async handler({ status, page, pageSize }, ctx) {
    const criteria = { communityId: _.in(await ctx.staffScope()), status }
    const { docs: data, hasMore } = await readPage<ReportDoc>(reports().where(criteria).orderBy('createdAt', 'asc'), page, pageSize)
    return { items: await toReports(data), hasMore, page, pageSize }
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
  preload: preloadReport,
  handler: ({ resolution }, ctx, preloaded) =>
    closeReport(ctx, preloaded, {
      status: 'resolved',
      // A use is closed only by an inspection that records new pads and the self-test (inspect).
      refuse: (report) => (report.kind === 'used' ? '已被使用的设备，请在巡检中记录新电极片的有效期和自检结果，设备完好后报告会自动关闭' : undefined),
      written: resolution,
      resolution,
      entry: (report, user) => ({ event: `报告已处理：${REPORT_KINDS[report.kind]}`, by: user._id, byName: user.displayName, note: resolution }),
    }),
  audit: (_input, out) => ({ communityId: out.communityId, target: out._id, summary: `处理 AED 问题报告：${out.aedName}`, key: out._id }),
})

/**
 * 不属实: those who look after the AED found nothing of what was reported. The report is closed
 * as dismissed, which ends its effect on readiness; the AED's record says who found it unfounded
 * and when, and the reporter is told.
 */
export const dismissReport = action({
  input: aedInputs.dismissReport,
  audience: 'anyone',
  preload: preloadReport,
  handler: ({ reason }, ctx, preloaded) =>
    closeReport(ctx, preloaded, {
      status: 'dismissed',
      written: reason,
      resolution: `经核实，报告的情况不属实${reason ? `：${reason}` : ''}`,
      entry: (report, user) => ({ event: `报告不属实：${REPORT_KINDS[report.kind]}`, by: user._id, byName: user.displayName, ...(reason ? { note: reason } : {}) }),
    }),
  audit: (_input, out) => ({ communityId: out.communityId, target: out._id, summary: `认定 AED 问题报告不属实：${out.aedName}`, key: out._id }),
})

type Closing = {
  status: 'resolved' | 'dismissed'
  /** Why this report cannot be closed this way, if it cannot. */
  refuse?(report: ReportDoc): string | undefined
  /** What the keeper wrote (others read it): checked before anything changes. */
  written: string
  /** What the reporter is told. */
  resolution: string
  entry(report: ReportDoc, user: UserDoc): { event: string; by: string; byName: string; note?: string }
}

type Preloaded = readonly [ReportDoc, NotifySettingsDoc | null]

/** The report beside the caller's record, then its reporter's message settings. */
async function preloadReport({ reportId }: { reportId: string }): Promise<Preloaded> {
  const report = await requireReport(reportId)
  return [report, await notifySettingsOf(report.reporterOpenid)]
}

/**
 * Staff of the community the report was made in close it from their queue (its AED is not read
 * then); anyone else must look after its AED (its guardian, or staff where it is now).
 */
async function requireHandler(report: ReportDoc, ctx: ActionContext): Promise<UserDoc> {
  const user = await ctx.user()
  if (user.roles.includes('staff') && user.staffCommunityIds.includes(report.communityId)) return user
  return requireKeeper(await requireAed(report.aedId), ctx)
}

/** Closes one report for those who look after its AED and records it in the AED's history, once. */
async function closeReport(ctx: ActionContext, [report, settings]: Preloaded, closing: Closing) {
  const user = await requireHandler(report, ctx)
  const refusal = closing.refuse?.(report)
  if (refusal) throw new AppError('CONFLICT', refusal)
  if (closing.written) await requirePassingText(ctx.openid, closing.written)
  // Closed here: the answer is the report as closed, so the AED's history and the audit entry go beside the reporter's message.
  const answer = await toReport({ ...report, status: closing.status, resolution: closing.resolution, resolvedBy: user._id })
  const followUps = () =>
    Promise.all([aeds().where({ _id: report.aedId }).update({ data: { history: _.push({ at: new Date(), ...closing.entry(report, user) }) } }), ctx.auditAlongside(answer)])
  if (await closeOne(report, closing.status, closing.resolution, user._id, { alongside: followUps, settings })) return answer
  // Closed before (a second tap, or someone else): as it stands.
  return toReport(await requireReport(report._id))
}
