import type { OpeningHours } from './hours'
import * as v from 'valibot'
import type { ActionSpec, Page } from '../contract'
import { keywordField } from '../search'
import { fields } from '../validation'
import type { AedStatus, Readiness, ReadinessReason } from './readiness'
import type { Standing } from './standing'
import type { SuggestionStatus } from './suggestions'
import { CHECK_ITEMS, INSPECTION_CYCLES, PAEDIATRIC_PADS, SELF_TESTS, type CheckItem, type Checklist, type InspectionCycle, type PaediatricPads, type SelfTest } from './inspection'

export type { Readiness } from './readiness'

export const REPORT_KINDS = { missing: '找不到', wrongPlace: '位置不对', fault: '设备故障', used: '已被使用', locked: '柜门无法打开', other: '其他' } as const
export type ReportKind = keyof typeof REPORT_KINDS
export type Placement = 'indoor' | 'outdoor'

/** What every answer about an AED says about whether a rescuer can use it now. */
type AedReadiness = {
  readiness: Readiness
  /** Short Chinese labels, what makes it unusable first (e.g. 可能无法使用：有人报告故障, 电极片已过期). */
  reasons: string[]
  /** The same reasons as codes, in the same order. */
  warnings: ReadinessReason[]
  /** Within its opening hours now (China time); false while its hours are unknown. */
  openNow: boolean
  /** How the hours read: 24小时开放, 周一至周五 08:30-17:30, 未登记. */
  hours: string
  status: AedStatus
}

/** An AED near someone: enough to choose one and run (coordinates are GCJ-02). */
export type NearbyAed = AedReadiness & {
  _id: string
  name: string
  location: { latitude: number; longitude: number }
  distanceMeters: number
  walkingMinutes: number
  /** Walking there and back with it: what reach and the emergency ranking go by. */
  roundTripMinutes: number
  address: string
  landmark: string
  placement: Placement
  floor: string
  /** The hours as stored: lets a list the phone kept (offline) say whether it is open at another time. */
  openingHours: OpeningHours
  /** A link to the photo of where it stands, once its content check passed; null without one. */
  photo: string | null
}

/**
 * One AED in full. A resident's suggestion not yet verified (seen only by those who look after
 * it) has no placement, hours or expiry dates until staff record the real ones.
 */
export type AedDetail = Omit<NearbyAed, 'placement' | 'distanceMeters' | 'walkingMinutes' | 'roundTripMinutes' | 'openingHours' | 'photo'> & {
  placement: Placement | null
  /** The hours as stored, for the edit form (`hours` is how they read). */
  openingHours: OpeningHours | null
  communityId: string
  communityName: string
  accessNotes: string
  /** 取用电话: who opens the cabinet or the building; null when none is recorded. */
  accessPhone: string | null
  model: string
  guardianOrg: string
  lastInspection: string | null
  /** What the last inspection saw, item by item (null before the checklist existed). */
  lastChecklist: Checklist | null
  /** What the keepers still have to see to after it (the cabinet alarm, children's pads). */
  followUps: string[]
  /** An 已被使用 report is open: 设备完好 needs new pads and a passed self-test. */
  afterUse: boolean
  /** Its community's inspection cycle. */
  inspectionCycle: InspectionCycle
  padsExpiry: string | null
  batteryExpiry: string | null
  photo: string | null
  verified: boolean
  history: Array<{ at: string; event: string; by: string; note?: string }>
  openReports: number
  /** Whether the caller looks after this AED (staff of its community or its guardian). */
  canManage: boolean
  /** Open problem reports, for those who look after it; empty for everyone else. */
  reports: AedReport[]
}

/** `dismissed`: found unfounded (不属实) by those who look after the AED. */
export type ReportStatus = 'open' | 'resolved' | 'dismissed'

export type AedReport = {
  _id: string
  aedId: string
  aedName: string
  /** The community the report was made in (whose staff handle it). */
  communityId: string
  kind: ReportKind
  note: string
  /** A link to the reporter's photo once its content check passed; null before (or without one). */
  photo: string | null
  /** A photo came with it and is still being checked. */
  photoChecking: boolean
  status: ReportStatus
  resolution: string | null
  /** Why the reporter's word counts (standing.ts); null: an account without standing, whose report only warns. */
  standing: Standing | null
  createdAt: string
}

/** One AED the caller suggested, as 我建议的AED lists it. */
export type MySuggestion = {
  _id: string
  name: string
  address: string
  landmark: string
  status: SuggestionStatus
  /** 待核实 only: the suggester may still take it back. */
  canWithdraw: boolean
  createdAt: string
  withdrawnAt: string | null
}

const latitude = v.pipe(v.number('纬度应为数字'), v.minValue(-90, '纬度应在 -90 到 90 之间'), v.maxValue(90, '纬度应在 -90 到 90 之间'))
const longitude = v.pipe(v.number('经度应为数字'), v.minValue(-180, '经度应在 -180 到 180 之间'), v.maxValue(180, '经度应在 -180 到 180 之间'))
const cloudFile = v.optional(v.pipe(v.string(), v.regex(/^cloud:\/\/\S+$/, '图片格式不正确')))
const date = (label: string) => fields.date(label)
/** An 11-digit mobile, or a landline with its area code (0575-84123456). */
export const ACCESS_PHONE_PATTERN = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/
const PHONE_MESSAGE = '取用电话应为11位手机号或带区号的固话，如 0575-84123456'
const accessPhone = v.pipe(v.string('请填写取用电话'), v.trim(), v.nonEmpty('请填写取用电话'), v.regex(ACCESS_PHONE_PATTERN, PHONE_MESSAGE))
/** Empty removes the number. */
const optionalAccessPhone = v.optional(v.pipe(v.string(PHONE_MESSAGE), v.trim(), v.check((phone) => phone === '' || ACCESS_PHONE_PATTERN.test(phone), PHONE_MESSAGE)), '')

const timeRange = v.tuple([v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm')), v.pipe(v.string(), v.regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, '时间格式应为 HH:mm'))])
const openingHours = v.union([
  v.object({ always: v.literal(true) }),
  v.object({ always: v.literal(false), weekly: v.record(v.picklist(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']), v.array(timeRange)) }),
], '请选择开放时间')

/** What staff record about a device, when they register or correct it and when they verify a suggestion. */
const aedFields = {
  name: fields.text('名称', 2, 40),
  communityId: fields.community(),
  latitude,
  longitude,
  address: fields.text('地址', 4, 100),
  landmark: fields.optionalText('位置说明', 60),
  placement: v.picklist(['indoor', 'outdoor'], '请选择室内或室外'),
  floor: fields.optionalText('楼层', 20),
  hours: openingHours,
  accessNotes: fields.optionalText('取用说明', 200),
  model: fields.optionalText('设备型号', 60),
  guardianOrg: fields.optionalText('管理单位', 60),
  guardianOpenid: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(64))),
  padsExpiry: date('电极片有效期'),
  batteryExpiry: date('电池有效期'),
}

export const aedInputs = {
  nearby: v.object({
    latitude,
    longitude,
    radiusMeters: v.optional(v.pipe(v.number('范围应为数字'), v.minValue(1, '范围至少 1 米'), v.maxValue(50_000, '范围最大 50 公里')), 5_000),
    limit: v.optional(v.pipe(v.number('数量应为数字'), v.integer('数量应为整数'), v.minValue(1, '至少 1 个'), v.maxValue(50, '最多 50 个')), 10),
    /** Rank ready-and-open devices first (then warning before out of service, open before closed), not by distance alone. */
    emergency: v.optional(v.boolean('emergency 应为 true 或 false'), false),
    /** Only devices whose name has these words (找AED's search box). */
    keyword: keywordField,
  }),
  get: v.object({ aedId: fields.id('AED编号') }),
  report: v.object({ aedId: fields.id('AED编号'), kind: v.picklist(Object.keys(REPORT_KINDS) as ReportKind[], '请选择问题类型'), note: fields.optionalText('说明', 200), photo: cloudFile }),
  suggest: v.object({
    name: fields.text('名称', 2, 40),
    latitude,
    longitude,
    address: fields.text('地址', 4, 100),
    landmark: fields.optionalText('位置说明', 60),
    note: fields.optionalText('说明', 200),
    photo: cloudFile,
  }),
  /** The caller's own suggestions, newest first. */
  mySuggestions: v.object({ page: fields.page, pageSize: fields.pageSize }),
  /** 撤回: the suggester takes back a suggestion staff have not verified yet. */
  withdrawSuggestion: v.object({ aedId: fields.id('AED编号') }),
  /** `attention`: only 需要处理, the devices whose readiness is not 设备正常 today. */
  manageList: v.object({ communityId: v.optional(fields.community()), attention: v.optional(v.boolean()), page: fields.page, pageSize: fields.pageSize }),
  save: v.object({ aedId: v.optional(fields.id('AED编号')), ...aedFields, accessPhone: optionalAccessPhone }),
  /** A suggestion checked on site: published only with the real details (no defaults). */
  verify: v.object({ aedId: fields.id('AED编号'), ...aedFields, accessNotes: fields.text('取用说明', 2, 200), accessPhone }),
  /** 巡检 with the record sheet's checklist (inspection.ts); a photo of the device is optional. */
  inspect: v.object({
    aedId: fields.id('AED编号'),
    date: date('巡检日期'),
    result: v.picklist(['ok', 'faulty'], '请选择巡检结果'),
    checklist: v.object(
      {
        ...(Object.fromEntries((Object.keys(CHECK_ITEMS) as CheckItem[]).map((item) => [item, v.boolean(`请确认：${CHECK_ITEMS[item]}`)])) as Record<CheckItem, v.BooleanSchema<string>>),
        paediatricPads: v.picklist(Object.keys(PAEDIATRIC_PADS) as PaediatricPads[], '请选择儿童电极片的情况'),
      },
      '请填写巡检清单',
    ),
    padsExpiry: date('电极片有效期'),
    batteryExpiry: date('电池有效期'),
    padsReplaced: v.optional(v.boolean('请确认是否更换了电极片'), false),
    selfTest: v.optional(v.picklist(Object.keys(SELF_TESTS) as SelfTest[], '请选择自检结果')),
    note: fields.optionalText('备注', 200),
    photo: cloudFile,
  }),
  /** The inspection cycle of each of the caller's communities. */
  inspectionCycles: v.object({}),
  setInspectionCycle: v.object({ communityId: fields.community(), cycle: v.picklist(Object.keys(INSPECTION_CYCLES) as InspectionCycle[], '请选择巡检周期') }),
  reports: v.object({ status: v.optional(v.picklist(['open', 'resolved', 'dismissed']), 'open'), page: fields.page, pageSize: fields.pageSize }),
  resolveReport: v.object({ reportId: fields.id('报告编号'), resolution: fields.text('处理结果', 2, 200) }),
  /**
   * A wave of reports from accounts without standing, of one community and period (China dates,
   * inclusive): staff see them together and may dismiss them all in one action.
   */
  unconfirmedReports: v.object({ communityId: fields.community(), from: date('开始日期'), to: date('结束日期') }),
  dismissUnconfirmed: v.object({ communityId: fields.community(), from: date('开始日期'), to: date('结束日期') }),
  /** 不属实: closes the report as unfounded; the reason is optional. */
  dismissReport: v.object({ reportId: fields.id('报告编号'), reason: fields.optionalText('说明', 200) }),
}

export type AedApi = {
  nearby: ActionSpec<v.InferInput<typeof aedInputs.nearby>, { items: NearbyAed[] }>
  get: ActionSpec<v.InferInput<typeof aedInputs.get>, AedDetail>
  report: ActionSpec<v.InferInput<typeof aedInputs.report>, AedReport>
  suggest: ActionSpec<v.InferInput<typeof aedInputs.suggest>, { aedId: string }>
  mySuggestions: ActionSpec<v.InferInput<typeof aedInputs.mySuggestions>, Page<MySuggestion>>
  withdrawSuggestion: ActionSpec<v.InferInput<typeof aedInputs.withdrawSuggestion>, MySuggestion>
  manageList: ActionSpec<v.InferInput<typeof aedInputs.manageList>, Page<AedDetail>>
  save: ActionSpec<v.InferInput<typeof aedInputs.save>, AedDetail>
  verify: ActionSpec<v.InferInput<typeof aedInputs.verify>, AedDetail>
  inspect: ActionSpec<v.InferInput<typeof aedInputs.inspect>, AedDetail>
  inspectionCycles: ActionSpec<v.InferInput<typeof aedInputs.inspectionCycles>, { items: Array<{ communityId: string; name: string; cycle: InspectionCycle }> }>
  setInspectionCycle: ActionSpec<v.InferInput<typeof aedInputs.setInspectionCycle>, { communityId: string; name: string; cycle: InspectionCycle }>
  reports: ActionSpec<v.InferInput<typeof aedInputs.reports>, Page<AedReport>>
  resolveReport: ActionSpec<v.InferInput<typeof aedInputs.resolveReport>, AedReport>
  dismissReport: ActionSpec<v.InferInput<typeof aedInputs.dismissReport>, AedReport>
  unconfirmedReports: ActionSpec<v.InferInput<typeof aedInputs.unconfirmedReports>, { items: AedReport[]; total: number; aeds: number }>
  /** `more`: a wave larger than one batch; call again for the rest. */
  dismissUnconfirmed: ActionSpec<v.InferInput<typeof aedInputs.dismissUnconfirmed>, { dismissed: number; more: boolean }>
}
