import * as v from 'valibot'
import { todayInChina } from '../dates'
import type { ActionSpec, Page } from '../contract'
import { fields } from '../validation'
import { volunteerRegistrationSchema, volunteerUpdateSchema, type Skill, type VolunteerRegistration, type VolunteerStatus } from './profile'
import { certificateRequestSchema, issuerSchema, type CertificateIssuer, type IdType } from './certificate'
import type { HonourPeriod, LedgerSource, ServiceRecord } from './ledger'
import { nationalExportSchema } from './national-export'

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
  /** Null for volunteers registered before it was asked. */
  birthYear: number | null
  /** The ID number given at registration, masked (the volunteer and staff of their community only). */
  idNumberMasked: string | null
  /** Their guardian, for a minor (the volunteer and staff of their community only). */
  guardian: { name: string; phone: string } | null
  /** Other communities they serve in, and those whose staff have yet to approve them. */
  activeIn: string[]
  pendingIn: string[]
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
  /** Top 20 by hours; display names only (masked real names, never phone numbers); `me` marks the caller's row. */
  items: { rank: number; displayName: string; hours: number; me: boolean }[]
  /** The caller's own place when they served this period, whether or not in the top 20. */
  mine: { rank: number; hours: number } | null
}

/** One service item of a certificate (民发〔2015〕149号: time, content and hours of each service). */
export type CertificateItem = { serviceFrom: string; serviceDate: string; content: string; place: string; hours: number }

/**
 * A 志愿服务记录证明 as the community's Red Cross organisation issued it (民发〔2015〕149号): the
 * volunteer's name, identity document (masked) and volunteer number, each service item, the
 * issuing organisation with its 负责人 and the staff member who handled it (经办人), a number, a
 * verify code and the seal image when the community uploaded one.
 */
export type ServiceCertificate = {
  code: string
  number: string
  name: string
  /** Null on certificates reissued from before identity documents were asked for. */
  idType: IdType | null
  idNumberMasked: string
  volunteerNumber: string
  communityName: string
  from: string
  to: string
  hours: number
  /** Services done in the period (corrections are items but not services). */
  services: number
  items: CertificateItem[]
  issuer: { orgName: string; leaderName: string; handlerName: string; sealUrl: string | null }
  issuedAt: string
}

/** Whoever holds the code (the holder chose to share it) sees the certificate as issued. */
export type CertificateCheck = { genuine: true; certificate: ServiceCertificate } | { genuine: false }

/** A volunteer's request for a 证明, as they and the staff deciding it see it. */
export type CertificateRequestView = {
  _id: string
  name: string
  /** The community the request was made to (its staff decide it). */
  communityId: string
  communityName: string
  from: string
  to: string
  status: 'pending' | 'issued' | 'declined'
  reason: string | null
  requestedAt: string
  /** Hours recorded in the period now (the certificate freezes them when issued). */
  hours: number
  certificate: ServiceCertificate | null
}

const period = v.picklist(['month', 'year'], '请选择月榜或年榜')

export const volunteerInputs = {
  register: () => volunteerRegistrationSchema(todayInChina()),
  mine: v.object({}),
  update: volunteerUpdateSchema,
  /** 撤回: the person takes back a registration still waiting for review. */
  withdraw: v.object({ confirm: v.literal(true, '请确认撤回注册') }),
  list: v.object({
    status: v.optional(v.picklist(['pending', 'active', 'rejected'], '状态不正确')),
    communityId: v.optional(fields.community()),
    page: fields.page,
    pageSize: fields.pageSize,
  }),
  /** Ask to serve in another community too (at once where it takes volunteers without review). */
  join: v.object({ communityId: fields.community() }),
  review: v.pipe(
    v.object({
      volunteerId: fields.id('志愿者编号'),
      /** A community the volunteer asked to join, when it is not their own. */
      communityId: v.optional(fields.community()),
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
  requestCertificate: certificateRequestSchema,
  myCertificates: v.object({ page: fields.page, pageSize: fields.pageSize }),
  certificateQueue: v.object({ page: fields.page, pageSize: fields.pageSize }),
  issueCertificate: v.pipe(
    v.object({ requestId: fields.id('申请编号'), decision: v.optional(v.picklist(['issue', 'decline'], '请选择出具或不出具'), 'issue'), reason: fields.optionalText('原因', 200) }),
    v.forward(v.partialCheck([['decision'], ['reason']], (i) => i.decision === 'issue' || i.reason.length >= 2, '请填写不出具的原因'), ['reason']),
  ),
  setCertificateIssuer: issuerSchema,
  certificateIssuer: v.object({ communityId: fields.id('社区') }),
  /** A period's service records of a community for the national 志愿服务信息系统 (staff). */
  exportRecords: nationalExportSchema,
  verifyCertificate: v.object({
    code: v.pipe(v.string('请填写证明编号'), v.trim(), v.toUpperCase(), v.regex(/^[A-Z2-7]{12}$/, '证明编号是12位字母和数字')),
  }),
}

export type CertificateRequestInput = v.InferInput<ReturnType<typeof certificateRequestSchema>>

export type VolunteerApi = {
  register: ActionSpec<VolunteerRegistration, VolunteerProfile>
  withdraw: ActionSpec<v.InferInput<typeof volunteerInputs.withdraw>, VolunteerProfile>
  /** The profile, totals and the latest ledger entries (profile and totals null when not registered). */
  mine: ActionSpec<v.InferInput<typeof volunteerInputs.mine>, { profile: VolunteerProfile | null; totals: VolunteerTotals | null; recent: LedgerEntry[] }>
  update: ActionSpec<v.InferInput<typeof volunteerInputs.update>, VolunteerProfile>
  list: ActionSpec<v.InferInput<typeof volunteerInputs.list>, Page<VolunteerProfile>>
  review: ActionSpec<v.InferInput<typeof volunteerInputs.review>, VolunteerProfile>
  join: ActionSpec<v.InferInput<typeof volunteerInputs.join>, VolunteerProfile>
  ledger: ActionSpec<v.InferInput<typeof volunteerInputs.ledger>, Page<LedgerEntry>>
  correctHours: ActionSpec<v.InferInput<typeof volunteerInputs.correctHours>, LedgerEntry>
  honourBoard: ActionSpec<v.InferInput<typeof volunteerInputs.honourBoard>, HonourBoard>
  requestCertificate: ActionSpec<CertificateRequestInput, CertificateRequestView>
  myCertificates: ActionSpec<v.InferInput<typeof volunteerInputs.myCertificates>, Page<CertificateRequestView>>
  certificateQueue: ActionSpec<v.InferInput<typeof volunteerInputs.certificateQueue>, Page<CertificateRequestView>>
  issueCertificate: ActionSpec<v.InferInput<typeof volunteerInputs.issueCertificate>, CertificateRequestView>
  setCertificateIssuer: ActionSpec<v.InferInput<typeof issuerSchema>, CertificateIssuer>
  /** The settings, with a link to show the seal image (null when none was uploaded). */
  certificateIssuer: ActionSpec<v.InferInput<typeof volunteerInputs.certificateIssuer>, (CertificateIssuer & { sealUrl: string | null }) | null>
  verifyCertificate: ActionSpec<v.InferInput<typeof volunteerInputs.verifyCertificate>, CertificateCheck>
  /** The CSV (UTF-8 with BOM), its row count, and how many rows lack an ID number (to complete in the national system). */
  exportRecords: ActionSpec<v.InferInput<typeof nationalExportSchema>, { fileName: string; csv: string; rows: number; withoutId: number }>
}
