import * as v from 'valibot'
import type { ActionSpec, Page } from '../contract'
import type { LatLng } from '../geo'
import { fields } from '../validation'
import {
  ALERT_KINDS, DEFAULT_RADIUS_METERS, MAX_AREAS, MAX_RADIUS_METERS, OUTCOMES, PROFESSIONS,
  type AlertKind, type Answer, type ClosedBy, type Profession, type RescueRole,
} from './rules'

const latitude = v.pipe(v.number('纬度应为数字'), v.minValue(-90, '纬度应在 -90 到 90 之间'), v.maxValue(90, '纬度应在 -90 到 90 之间'))
const longitude = v.pipe(v.number('经度应为数字'), v.minValue(-180, '经度应在 -180 到 180 之间'), v.maxValue(180, '经度应在 -180 到 180 之间'))
const alertId = fields.id('呼救编号')
/** The same requestId always means the same alert: a retried raise alerts nobody twice. */
const requestId = v.pipe(v.string('请求编号格式不正确'), v.regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不正确'))

const area = v.object({ label: fields.text('地点名称', 1, 10), latitude, longitude })

export const rescueInputs = {
  verifyMedic: v.object({
    volunteerId: fields.id('志愿者编号'),
    profession: v.picklist(Object.keys(PROFESSIONS) as Profession[], '请选择职业'),
    note: fields.text('核验说明', 2, 100),
  }),
  enrol: v.object({
    consent: v.literal(true, '请阅读并同意紧急呼的说明'),
    areas: v.pipe(v.array(area, '请选择接收紧急呼的地点'), v.minLength(1, '至少选择一个地点'), v.maxLength(MAX_AREAS, `最多选择${MAX_AREAS}个地点`)),
    radiusMeters: v.optional(
      v.pipe(v.number('范围应为数字'), v.integer('范围应为整数'), v.minValue(200, '范围至少200米'), v.maxValue(MAX_RADIUS_METERS, `范围最多${MAX_RADIUS_METERS}米`)),
      DEFAULT_RADIUS_METERS,
    ),
  }),
  duty: v.object({ onDuty: v.boolean('请选择是否值守') }),
  me: v.object({}),
  leave: v.object({}),
  raise: v.object({
    latitude,
    longitude,
    kind: v.picklist(Object.keys(ALERT_KINDS) as AlertKind[], '请选择情况'),
    note: fields.optionalText('楼栋楼层', 60),
    // Issue #22: 120 comes first; the alert never replaces it.
    called120: v.literal(true, '请先拨打120'),
    drill: v.optional(v.boolean(), false),
    /** A drill's community (staff of it only). */
    communityId: v.optional(fields.community()),
    requestId,
  }),
  get: v.object({ alertId }),
  respond: v.object({ alertId, answer: v.picklist(['accept', 'decline'], '请选择接受或谢绝') }),
  progress: v.object({ alertId, step: v.picklist(['aed_fetched', 'arrived'], '请选择进展') }),
  close: v.object({ alertId, outcome: v.picklist(Object.keys(OUTCOMES) as Array<keyof typeof OUTCOMES>, '请选择结果') }),
  debrief: v.object({
    alertId,
    arrivedBefore120: v.boolean('请回答是否在120之前到达'),
    cprGiven: v.boolean('请回答是否做了心肺复苏'),
    aedUsed: v.boolean('请回答是否使用了AED'),
  }),
  list: v.object({ communityId: v.optional(fields.community()), page: fields.page, pageSize: fields.pageSize }),
  pending: v.object({}),
}

export type ResponderArea = { label: string; latitude: number; longitude: number }

/** The responder's own settings (their places are shown to them and nobody else). */
export type ResponderMe = {
  eligible: boolean
  /** Why not, in words; null when eligible. */
  why: string | null
  medic: { profession: Profession; verifiedAt: string } | null
  certificateValidUntil: string | null
  enrolled: boolean
  onDuty: boolean
  areas: ResponderArea[]
  radiusMeters: number
  /** 还可接收 N 次紧急呼: one-time grants of the alert template the server counts. */
  grantsLeft: number
  /** The template is a long-term one here: no top-up needed. */
  longTerm: boolean
  answered: number
}

export type Accepter = {
  name: string
  role: RescueRole
  distanceMeters: number
  etaMinutes: number
  aedFetched: boolean
  arrived: boolean
  /** For the person who raised it only, to call them. */
  phone: string | null
}

export type AlertAed = { _id: string; name: string; location: LatLng; address: string; landmark: string }

export type Debrief = { arrivedBefore120: boolean; cprGiven: boolean; aedUsed: boolean }

export type AlertView = {
  _id: string
  kind: AlertKind
  drill: boolean
  status: 'open' | 'closed'
  closedBy: ClosedBy | null
  raisedAt: string
  closedAt: string | null
  alerted: number
  widened: boolean
  viewer: 'raiser' | 'responder'
  /** The patient's position and note: the raiser and accepters, only while the alert is open. */
  location: LatLng | null
  note: string | null
  accepters: Accepter[]
  /** The responder's own part (null for the raiser). */
  mine: {
    answer: Answer
    role: RescueRole | null
    distanceMeters: number
    aed: AlertAed | null
    aedFetched: boolean
    arrived: boolean
    debrief: Debrief | null
    /** The debrief is asked for (90 minutes after closing, accepters only). */
    debriefDue: boolean
  } | null
  /** With no AED on its way, the nearest usable one for bystanders to fetch (raiser and accepters, while open). */
  bystanderAed: (AlertAed & { distanceMeters: number }) | null
  /** The community's 心理援建 contact, offered to accepters with the debrief. */
  psychSupportContact: string | null
}

/** An alert as its community's staff see it: anonymous figures only. */
export type AlertFigures = {
  _id: string
  communityId: string
  kind: AlertKind
  drill: boolean
  status: 'open' | 'closed'
  closedBy: ClosedBy | null
  raisedAt: string
  alerted: number
  accepted: number
  roles: Partial<Record<RescueRole, number>>
  secondsToFirstAccept: number | null
  secondsToFirstArrival: number | null
}

export type RescueApi = {
  verifyMedic: ActionSpec<v.InferInput<typeof rescueInputs.verifyMedic>, { volunteerId: string; profession: Profession }>
  enrol: ActionSpec<v.InferInput<typeof rescueInputs.enrol>, ResponderMe>
  duty: ActionSpec<v.InferInput<typeof rescueInputs.duty>, ResponderMe>
  me: ActionSpec<v.InferInput<typeof rescueInputs.me>, ResponderMe>
  leave: ActionSpec<v.InferInput<typeof rescueInputs.leave>, ResponderMe>
  raise: ActionSpec<v.InferInput<typeof rescueInputs.raise>, { alertId: string; alerted: number }>
  get: ActionSpec<v.InferInput<typeof rescueInputs.get>, AlertView>
  respond: ActionSpec<v.InferInput<typeof rescueInputs.respond>, AlertView>
  progress: ActionSpec<v.InferInput<typeof rescueInputs.progress>, AlertView>
  close: ActionSpec<v.InferInput<typeof rescueInputs.close>, AlertView>
  debrief: ActionSpec<v.InferInput<typeof rescueInputs.debrief>, AlertView>
  list: ActionSpec<v.InferInput<typeof rescueInputs.list>, Page<AlertFigures>>
  /** Open alerts sent to the caller and not yet answered, newest first (the app looks every 5 s while it is in front). */
  pending: ActionSpec<v.InferInput<typeof rescueInputs.pending>, { alertIds: string[] }>
}
