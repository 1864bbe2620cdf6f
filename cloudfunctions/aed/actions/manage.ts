import { aedInputs } from '@/domain/aed/contract'
import { AppError } from '@/domain/errors'
import { _, db } from '../../_kit/cloud'
import { action } from '../../_kit/define-function'
import { alertKeepers } from '../alerts'
import { aeds, point, reports, requireAed, type AedDoc } from '../aeds'
import { detailFor } from '../detail'
import { requireKeeper } from '../keepers'
import { toReport, type ReportDoc } from '../reports'


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
  async handler({ aedId, latitude, longitude, guardianOpenid, hours, ...fields }, ctx) {
    const user = await ctx.requireStaffOf(fields.communityId)
    if (aedId) await ctx.requireStaffOf((await requireAed(aedId)).communityId)
    const entry = { at: db.serverDate(), event: aedId ? '信息更新' : '工作人员登记', by: user._id, byName: `工作人员 ${user.displayName}` }
    // A guardian left out of the form is kept; an empty one is removed.
    const guardian = guardianOpenid === undefined ? {} : { guardianOpenid: guardianOpenid || null }
    let id = aedId
    if (aedId) {
      // _.set replaces the hours whole: the SDK would merge a plain object field by field, so a
      // day taken out of the week would stay open.
      await aeds().where({ _id: aedId }).update({ data: { ...fields, ...guardian, hours: _.set(hours), location: point(latitude, longitude), history: _.push(entry) } })
    } else {
      const data = { ...fields, guardianOpenid: null, ...guardian, hours, location: point(latitude, longitude) }
      id = (await aeds().add({ data: { ...data, lastInspection: null, status: 'available', verified: true, photo: null, history: [entry], createdAt: db.serverDate() } }))._id
    }
    return detailFor(await requireAed(id as string), user)
  },
})

/** A resident's suggestion checked on site: it becomes public. */
export const verify = action({
  input: aedInputs.verify,
  audience: ['staff'],
  async handler({ aedId }, ctx) {
    const aed = await requireAed(aedId)
    const user = await ctx.requireStaffOf(aed.communityId)
    await aeds()
      .where({ _id: aedId, verified: false })
      .update({ data: { verified: true, history: _.push({ at: db.serverDate(), event: '工作人员现场核实，已公开', by: user._id, byName: `工作人员 ${user.displayName}` }) } })
    return detailFor(await requireAed(aedId), user)
  },
})

/** 巡检: a fine device is back in service (clears 待核实); a faulty one stays out of it. */
export const inspect = action({
  input: aedInputs.inspect,
  audience: 'anyone',
  async handler({ aedId, date, result, padsExpiry, batteryExpiry, note }, ctx) {
    const aed = await requireAed(aedId)
    const user = await requireKeeper(aed, ctx)
    const fine = result === 'ok'
    const entry = { at: db.serverDate(), event: fine ? '巡检：设备完好' : '巡检：设备故障，停用维修', by: user._id, byName: user.displayName, ...(note ? { note } : {}) }
    await aeds()
      .where({ _id: aedId })
      .update({ data: { lastInspection: date, padsExpiry, batteryExpiry, status: fine ? 'available' : 'maintenance', history: _.push(entry) } })
    if (!fine) await alertKeepers(aed, '巡检发现设备故障，已停用')
    return detailFor(await requireAed(aedId), user)
  },
})

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
    return { items: data.map(toReport), total, page, pageSize }
  },
})

export const resolveReport = action({
  input: aedInputs.resolveReport,
  audience: ['staff'],
  async handler({ reportId, resolution }, ctx) {
    const { data } = await reports().where({ _id: reportId }).get<ReportDoc>()
    if (!data[0]) throw new AppError('NOT_FOUND', '没有找到这条报告')
    await ctx.requireStaffOf(data[0].communityId)
    await reports().where({ _id: reportId, status: 'open' }).update({ data: { status: 'resolved', resolution, resolvedAt: db.serverDate(), resolvedBy: ctx.openid } })
    const saved = await reports().where({ _id: reportId }).get<ReportDoc>()
    return toReport(saved.data[0])
  },
})
