import * as v from 'valibot'
import type { ActionSpec, Page } from '../contract'
import { fields } from '../validation'
import { activitySchema, activityUpdateSchema, ACTIVITY_TYPES, moment, type ActivityInput, type ActivityInsurance, type ActivityStatus, type ActivityType } from './rules'

export type MakeupStatus = 'pending' | 'approved' | 'rejected'

/** A 补签 request: the volunteer says when they arrived and left; staff approve or decline. */
export type MakeupRequest = {
  status: MakeupStatus
  reason: string
  arrivedAt: string
  leftAt: string
  requestedAt: string
  reviewNote: string | null
  reviewedAt: string | null
}

export type SignupStatus = 'signed_up' | 'cancelled' | 'checked_in' | 'checked_out'

/**
 * How the attended time was judged: not yet; hours worked out and waiting for the organiser to
 * confirm the roster (check-in alone credits nothing); credited; or too little of the activity.
 */
export type HoursResult = 'pending' | 'awaiting_confirmation' | 'credited' | 'not_enough'

export type MySignup = {
  status: SignupStatus
  signedUpAt: string
  checkedInAt: string | null
  checkedOutAt: string | null
  /** Share of the activity covered by the attended time, 0–1, once checked out. */
  coverage: number | null
  hoursResult: HoursResult
  creditedHours: number
  makeup: MakeupRequest | null
}

export type ActivityView = {
  _id: string
  title: string
  type: ActivityType
  description: string
  communityId: string
  communityName: string
  organiserName: string
  location: { latitude: number; longitude: number; address: string }
  startAt: string
  endAt: string
  signupDeadline: string
  capacity: number
  signedUp: number
  placesLeft: number
  hours: number
  checkInRadiusMeters: number
  minCoverage: number
  /** `adultsOnly`: closed to volunteers under 18 (marked by the organiser, or a risky kind). */
  requirements: { requiresCertificate: boolean; adultsOnly: boolean }
  /** The volunteers' 人身意外伤害保险, shown to them before they sign up (条例 2017 第十七条). */
  insurance: ActivityInsurance | null
  status: ActivityStatus
  cancelReason: string | null
  /** Check-in opens 30 min before the start; check-out closes 2 h after the end. */
  checkInOpensAt: string
  checkOutClosesAt: string
  /** The caller's sign-up (also a cancelled one), null when they never signed up. */
  mySignup: MySignup | null
  /** Whether the caller is staff of the activity's community (may edit, show the code, see attendance). */
  manageable: boolean
  /** Present when the caller sent their position. */
  distanceMeters: number | null
}

/** One row of the staff attendance sheet. */
export type AttendanceRow = MySignup & {
  signupId: string
  volunteerId: string
  /** Full name for staff of the community (they run the activity). */
  name: string
  phone: string
  checkInMethod: 'position' | 'code' | 'makeup' | null
}

export type RotatingCode = { code: string; secondsLeft: number; windowSeconds: number }

const activityId = fields.id('活动编号')
const position = {
  latitude: v.optional(v.pipe(v.number('纬度应为数字'), v.minValue(-90, '纬度不正确'), v.maxValue(90, '纬度不正确'))),
  longitude: v.optional(v.pipe(v.number('经度应为数字'), v.minValue(-180, '经度不正确'), v.maxValue(180, '经度不正确'))),
}
const bothOrNeither = (p: { latitude?: number; longitude?: number }) => (p.latitude === undefined) === (p.longitude === undefined)

/** Check-in and check-out: by position near the activity, or by the organiser's 6-digit code. */
const attendanceInput = v.pipe(
  v.object({
    activityId,
    ...position,
    code: v.optional(v.pipe(v.string('签到码格式不正确'), v.trim(), v.regex(/^\d{6}$/, '签到码是6位数字'))),
  }),
  v.check((i) => bothOrNeither(i), '位置信息不完整'),
  v.check((i) => i.code !== undefined || i.latitude !== undefined, '请允许获取位置，或输入组织者出示的签到码'),
)

export const activityInputs = {
  create: activitySchema,
  update: activityUpdateSchema,
  cancel: v.object({ activityId, reason: fields.text('取消原因', 2, 200) }),
  list: v.pipe(
    v.object({
      communityId: v.optional(fields.id('社区')),
      type: v.optional(v.picklist(ACTIVITY_TYPES, '活动类型不正确')),
      /** China dates; by default from today on. */
      from: v.optional(fields.date('开始日期')),
      to: v.optional(fields.date('结束日期')),
      keyword: v.optional(v.pipe(v.string('关键词格式不正确'), v.trim(), v.maxLength(20, '关键词最多20个字'))),
      ...position,
      page: fields.page,
      pageSize: fields.pageSize,
    }),
    v.check((i) => bothOrNeither(i), '位置信息不完整'),
  ),
  get: v.pipe(v.object({ activityId, ...position }), v.check((i) => bothOrNeither(i), '位置信息不完整')),
  signup: v.object({ activityId }),
  cancelSignup: v.object({ activityId }),
  checkIn: attendanceInput,
  checkOut: attendanceInput,
  code: v.object({ activityId }),
  attendance: v.object({ activityId, page: fields.page, pageSize: fields.pageSize }),
  /** The organiser confirms who was there (the rows they tick, or all checked out): this credits the hours. */
  confirmAttendance: v.object({
    activityId,
    signupIds: v.pipe(v.array(fields.id('报名编号'), '请选择要确认的志愿者'), v.minLength(1, '请选择要确认的志愿者'), v.maxLength(50, '一次最多确认50人')),
  }),
  requestMakeup: v.pipe(
    v.object({ activityId, reason: fields.text('补签原因', 2, 200), arrivedAt: moment('到达时间'), leftAt: moment('离开时间') }),
    v.forward(v.check((i) => new Date(i.leftAt) > new Date(i.arrivedAt), '离开时间应晚于到达时间'), ['leftAt']),
  ),
  reviewMakeup: v.pipe(
    v.object({
      signupId: fields.id('报名编号'),
      decision: v.picklist(['approve', 'reject'], '请选择通过或不通过'),
      reason: fields.optionalText('原因', 200),
    }),
    v.forward(v.partialCheck([['decision'], ['reason']], (i) => i.decision === 'approve' || i.reason.length >= 2, '请填写不通过的原因'), ['reason']),
  ),
  /** The caller's sign-ups, newest activity first; `upcoming` keeps those not yet over. */
  mine: v.object({ when: v.optional(v.picklist(['upcoming', 'past'], '范围不正确'), 'upcoming'), page: fields.page, pageSize: fields.pageSize }),
}

type In<K extends keyof typeof activityInputs> = v.InferInput<(typeof activityInputs)[K]>

export type ActivityApi = {
  create: ActionSpec<ActivityInput, ActivityView>
  update: ActionSpec<In<'update'>, ActivityView>
  cancel: ActionSpec<In<'cancel'>, ActivityView>
  list: ActionSpec<In<'list'>, Page<ActivityView>>
  get: ActionSpec<In<'get'>, ActivityView>
  signup: ActionSpec<In<'signup'>, ActivityView>
  cancelSignup: ActionSpec<In<'cancelSignup'>, ActivityView>
  checkIn: ActionSpec<In<'checkIn'>, ActivityView>
  checkOut: ActionSpec<In<'checkOut'>, ActivityView>
  code: ActionSpec<In<'code'>, RotatingCode>
  attendance: ActionSpec<In<'attendance'>, Page<AttendanceRow>>
  confirmAttendance: ActionSpec<In<'confirmAttendance'>, { confirmed: number; rows: AttendanceRow[] }>
  requestMakeup: ActionSpec<In<'requestMakeup'>, ActivityView>
  reviewMakeup: ActionSpec<In<'reviewMakeup'>, AttendanceRow>
  mine: ActionSpec<In<'mine'>, Page<ActivityView>>
}
