import * as v from 'valibot'
import { formatChinaDate } from '../dates'
import { fields } from '../validation'

/** Kinds of activity, stable codes with their Chinese labels. */
export const ACTIVITY_TYPES = ['first_aid_assist', 'clinic', 'flood_watch', 'elder_visit', 'other'] as const
export type ActivityType = (typeof ACTIVITY_TYPES)[number]

export const ACTIVITY_TYPE_LABELS: Record<ActivityType, string> = {
  first_aid_assist: '应急救护培训助教',
  clinic: '社区义诊',
  flood_watch: '防汛值守',
  elder_visit: '敬老探访',
  other: '其他',
}

/**
 * Kinds with a risk to the volunteer's person: 《志愿服务条例》2017 第十七条 — before arranging such
 * service the organisation buys 人身意外伤害保险 for the volunteers; here it is recorded (insurer,
 * policy number, period covering the activity) before the activity can be published.
 */
export const RISKY_ACTIVITY_TYPES: readonly ActivityType[] = ['flood_watch']
export const isRiskyActivity = (type: ActivityType) => RISKY_ACTIVITY_TYPES.includes(type)

/**
 * 《志愿服务条例》2017 第十五条: the tasks given to a minor fit their age. Risky kinds are never
 * theirs; the organiser marks any other activity unfit for minors (late hours, heavy lifting, ...).
 */
export const closedToMinors = (activity: { type: ActivityType; adultsOnly?: boolean }) => activity.adultsOnly === true || isRiskyActivity(activity.type)

export type ActivityInsurance = { insurer: string; policyNo: string; from: string; to: string }

export type ActivityStatus = 'open' | 'cancelled' | 'ended'

export const ACTIVITY_STATUS_LABELS: Record<ActivityStatus, string> = { open: '报名中', cancelled: '已取消', ended: '已结束' }

/** Check-in within this distance of the activity unless its organiser set another. */
export const DEFAULT_CHECK_IN_RADIUS_METERS = 300
/** Hours count only when the attended time covers this share of the activity (DESIGN.md §3). */
export const DEFAULT_MIN_COVERAGE = 0.6
export const MAX_CAPACITY = 500

/** A moment as an ISO 8601 string with its offset (`2026-12-05T09:00:00+08:00` or `…Z`). */
export const moment = (label: string) =>
  v.pipe(v.string(`请选择${label}`), v.nonEmpty(`请选择${label}`), v.isoTimestamp(`${label}格式不正确`))

export const locationSchema = v.object(
  {
    latitude: v.pipe(v.number('纬度应为数字'), v.minValue(-90, '纬度不正确'), v.maxValue(90, '纬度不正确')),
    longitude: v.pipe(v.number('经度应为数字'), v.minValue(-180, '经度不正确'), v.maxValue(180, '经度不正确')),
    address: fields.text('活动地点', 2, 100),
  },
  '请选择活动地点',
)

const activityFields = {
  title: fields.text('活动名称', 2, 30),
  type: v.picklist(ACTIVITY_TYPES, '请选择活动类型'),
  description: fields.text('活动介绍', 2, 1000),
  location: locationSchema,
  startAt: moment('开始时间'),
  endAt: moment('结束时间'),
  signupDeadline: moment('报名截止时间'),
  capacity: v.pipe(v.number('请填写招募人数'), v.integer('招募人数应为整数'), v.minValue(1, '招募人数至少1人'), v.maxValue(MAX_CAPACITY, `招募人数最多${MAX_CAPACITY}人`)),
  /** Planned service hours: the most attending can credit; half hours allowed, at most the activity's length. */
  hours: v.pipe(
    v.number('请填写服务时长'),
    v.minValue(0.5, '服务时长至少0.5小时'),
    v.maxValue(24, '服务时长最多24小时'),
    v.check((h) => Number.isInteger(h * 2), '服务时长以半小时为单位'),
  ),
  /** Left out: the community's own default (社区设置), else `DEFAULT_CHECK_IN_RADIUS_METERS`; on an edit, kept as it was. */
  checkInRadiusMeters: v.optional(
    v.pipe(v.number('签到范围应为数字'), v.integer('签到范围应为整数'), v.minValue(50, '签到范围至少50米'), v.maxValue(2000, '签到范围最多2000米')),
  ),
  minCoverage: v.optional(v.pipe(v.number('出勤比例应为数字'), v.minValue(0.1, '出勤比例至少10%'), v.maxValue(1, '出勤比例最多100%')), DEFAULT_MIN_COVERAGE),
  /** 人身意外伤害保险 of the volunteers: required for risky kinds (条例 2017 第十七条), else null. */
  insurance: v.optional(
    v.nullable(
      v.object({
        insurer: fields.text('保险公司', 2, 40),
        policyNo: v.pipe(v.string('请填写保单号'), v.trim(), v.regex(/^[A-Za-z0-9-]{4,40}$/, '保单号是4到40位字母、数字或短横线')),
        from: fields.date('保险开始日期'),
        to: fields.date('保险结束日期'),
      }),
    ),
    null,
  ),
  /** Only holders of a valid 救护员证 may sign up (e.g. 应急救护培训助教). */
  requiresCertificate: v.optional(v.boolean('报名条件格式不正确'), false),
  /** The organiser marks the activity unfit for minors (条例 2017 第十五条); risky kinds are so whatever this says. */
  adultsOnly: v.optional(v.boolean('报名条件格式不正确'), false),
}

const ms = (iso: string) => new Date(iso).getTime()

/** The times of an activity must be in order: deadline ≤ start < end, at most 24 hours long. */
const endAfterStart = <T extends Times>(a: T) => ms(a.endAt) > ms(a.startAt)
const withinADay = <T extends Times>(a: T) => ms(a.endAt) - ms(a.startAt) <= 24 * 3600_000
const deadlineBeforeStart = <T extends Times>(a: T) => ms(a.signupDeadline) <= ms(a.startAt)
/** Planned hours cannot exceed the activity's length: nobody serves more than the time it runs (民政部令第67号 2020: 真实、准确). */
const hoursWithinLength = <T extends Times & { hours: number }>(a: T) => a.hours * 3600_000 <= ms(a.endAt) - ms(a.startAt)
type Times = { startAt: string; endAt: string; signupDeadline: string }
/** A risky kind is insured for the whole activity (China dates of its start and end). */
const insuredIfRisky = <T extends Times & { type: ActivityType; insurance?: ActivityInsurance | null }>(a: T) =>
  !isRiskyActivity(a.type) || (!!a.insurance && a.insurance.from <= formatChinaDate(a.startAt) && a.insurance.to >= formatChinaDate(a.endAt))
const END_MESSAGE = '结束时间应晚于开始时间'
const DAY_MESSAGE = '一次活动最长24小时'
const DEADLINE_MESSAGE = '报名截止时间不能晚于开始时间'
const HOURS_MESSAGE = '服务时长不能超过活动从开始到结束的时间'
const INSURANCE_MESSAGE = '这类活动有人身风险，请先为志愿者购买人身意外伤害保险，并填写覆盖活动日期的保单'

/** 发布活动: the same rules in the staff form and in `activity.create`. */
export const activitySchema = v.pipe(
  v.object({ communityId: fields.id('社区'), ...activityFields }),
  v.forward(v.check(endAfterStart, END_MESSAGE), ['endAt']),
  v.forward(v.check(withinADay, DAY_MESSAGE), ['endAt']),
  v.forward(v.check(deadlineBeforeStart, DEADLINE_MESSAGE), ['signupDeadline']),
  v.forward(v.check(hoursWithinLength, HOURS_MESSAGE), ['hours']),
  v.forward(v.check(insuredIfRisky, INSURANCE_MESSAGE), ['insurance']),
)

export type ActivityInput = v.InferInput<typeof activitySchema>

/**
 * 修改活动: every field as in `activitySchema`, all sent again (the form holds them all), so the
 * same ordering checks apply. The community cannot change.
 */
export const activityUpdateSchema = v.pipe(
  v.object({ activityId: fields.id('活动编号'), ...activityFields }),
  v.forward(v.check(endAfterStart, END_MESSAGE), ['endAt']),
  v.forward(v.check(withinADay, DAY_MESSAGE), ['endAt']),
  v.forward(v.check(deadlineBeforeStart, DEADLINE_MESSAGE), ['signupDeadline']),
  v.forward(v.check(hoursWithinLength, HOURS_MESSAGE), ['hours']),
  v.forward(v.check(insuredIfRisky, INSURANCE_MESSAGE), ['insurance']),
)

/** Volunteers are reminded when the start is at most this far off. */
export const REMINDER_LEAD_MS = 2 * 60 * 60_000

/** When a sign-up's reminder falls due: two hours before the start (now, when that has passed). */
export const reminderDueAt = (startAt: Date, now = new Date()): Date => new Date(Math.max(startAt.getTime() - REMINDER_LEAD_MS, now.getTime()))
