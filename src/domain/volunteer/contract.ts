import * as v from 'valibot'
import type { ActionSpec, Page } from '../contract'
import { fields } from '../validation'
import { volunteerRegistrationSchema, volunteerUpdateSchema, type Skill, type VolunteerStatus } from './profile'
import type { HonourPeriod, LedgerSource, ServiceRecord } from './ledger'

export type VolunteerProfile = {
  _id: string
  status: VolunteerStatus
  name: string
  /** Full for the volunteer and staff of their community; masked in lists. */
  phone: string
  communityId: string
  communityName: string
  skills: Skill[]
  availability: string[]
  intro: string
  /** Service hours and points (志愿服务嘉许回馈), credited by wishes and activities. */
  hours: number
  points: number
  rejectReason: string | null
  registeredAt: string
}

/** Service hours and points, kept in step with the ledger. */
export type VolunteerTotals = { hours: number; points: number; yearHours: number; monthHours: number }

/** One credit or correction in the hours ledger, a record of service: written once, never edited. */
export type LedgerEntry = ServiceRecord & {
  _id: string
  source: LedgerSource
  sourceId: string
  /** What it was for: the wish or activity title, or 时长更正. */
  title: string
  /** Signed: a correction may take hours away. */
  hours: number
  points: number
  reason: string
  communityId: string
  communityName: string
  /** Who credited it: the wish owner, the activity's organiser, the staff member who corrected it. */
  creditedBy: string
  /** When it was credited (the service date is `serviceDate`). */
  at: string
}

export type HonourBoard = {
  communityId: string
  communityName: string
  period: HonourPeriod
  /** `2026年11月` / `2026年`. */
  periodLabel: string
  /** Top 20 by hours; display names only (masked real names, never phone numbers). */
  items: { rank: number; displayName: string; hours: number }[]
}

/** A 志愿服务证明 as issued to its holder. */
export type ServiceCertificate = {
  code: string
  name: string
  communityName: string
  from: string
  to: string
  hours: number
  points: number
  issuedAt: string
  items: { title: string; source: LedgerSource; hours: number; at: string; serviceDate: string; place: string; content: string }[]
}

/** What anyone holding the code may learn: the name masked. */
export type CertificateCheck =
  | { genuine: true; name: string; communityName: string; from: string; to: string; hours: number; issuedAt: string }
  | { genuine: false }

const period = v.picklist(['month', 'year'], '请选择月榜或年榜')

export const volunteerInputs = {
  register: volunteerRegistrationSchema,
  mine: v.object({}),
  update: volunteerUpdateSchema,
  list: v.object({
    status: v.optional(v.picklist(['pending', 'active', 'rejected'], '状态不正确')),
    communityId: v.optional(fields.community()),
    page: fields.page,
    pageSize: fields.pageSize,
  }),
  review: v.pipe(
    v.object({
      volunteerId: fields.id('志愿者编号'),
      decision: v.picklist(['approve', 'reject'], '请选择通过或不通过'),
      reason: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200, '原因最多200个字')), ''),
    }),
    v.forward(
      v.partialCheck([['decision'], ['reason']], (input) => input.decision === 'approve' || input.reason.length >= 2, '请填写不通过的原因'),
      ['reason'],
    ),
  ),
  ledger: v.object({ page: fields.page, pageSize: fields.pageSize }),
  /** Staff of the volunteer's community add or take away hours, with a reason the volunteer sees. */
  correctHours: v.object({
    volunteerId: fields.id('志愿者编号'),
    hours: v.pipe(
      v.number('请填写更正的时长'),
      v.check((h) => h !== 0, '更正的时长不能为0'),
      v.minValue(-100, '一次最多减少100小时'),
      v.maxValue(100, '一次最多增加100小时'),
      v.check((h) => Number.isInteger(h * 2), '时长以半小时为单位'),
    ),
    reason: fields.text('更正原因', 2, 200),
    /** The day the corrected service was done, when not today: it counts in that day's periods. */
    serviceDate: v.optional(fields.date('服务日期')),
    /** Made once per form by the client, so a retried request corrects once. */
    requestId: v.pipe(v.string('请求编号格式不正确'), v.regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不正确')),
  }),
  honourBoard: v.object({ communityId: fields.id('社区'), period: v.optional(period, 'month') }),
  issueCertificate: v.pipe(
    v.object({ from: fields.date('开始日期'), to: fields.date('结束日期') }),
    v.forward(v.check((i) => i.from <= i.to, '结束日期不能早于开始日期'), ['to']),
  ),
  verifyCertificate: v.object({
    code: v.pipe(v.string('请填写证明编号'), v.trim(), v.toUpperCase(), v.regex(/^[A-Z2-7]{12}$/, '证明编号是12位字母和数字')),
  }),
}

export type VolunteerApi = {
  register: ActionSpec<v.InferInput<typeof volunteerInputs.register>, VolunteerProfile>
  /** The profile, totals and the latest ledger entries (profile and totals null when not registered). */
  mine: ActionSpec<v.InferInput<typeof volunteerInputs.mine>, { profile: VolunteerProfile | null; totals: VolunteerTotals | null; recent: LedgerEntry[] }>
  update: ActionSpec<v.InferInput<typeof volunteerInputs.update>, VolunteerProfile>
  list: ActionSpec<v.InferInput<typeof volunteerInputs.list>, Page<VolunteerProfile>>
  review: ActionSpec<v.InferInput<typeof volunteerInputs.review>, VolunteerProfile>
  ledger: ActionSpec<v.InferInput<typeof volunteerInputs.ledger>, Page<LedgerEntry>>
  correctHours: ActionSpec<v.InferInput<typeof volunteerInputs.correctHours>, LedgerEntry>
  honourBoard: ActionSpec<v.InferInput<typeof volunteerInputs.honourBoard>, HonourBoard>
  issueCertificate: ActionSpec<v.InferInput<typeof volunteerInputs.issueCertificate>, ServiceCertificate>
  verifyCertificate: ActionSpec<v.InferInput<typeof volunteerInputs.verifyCertificate>, CertificateCheck>
}
