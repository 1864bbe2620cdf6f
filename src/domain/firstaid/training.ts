import dayjs from 'dayjs'
import * as v from 'valibot'
import type { ActionSpec } from '../contract'
import { fields } from '../validation'

/** 救护员培训 (certified, leads to a 救护员证) or 普及培训 (awareness). */
export const TRAINING_KINDS = { rescuer: '救护员培训', popular: '普及培训' } as const
export type TrainingKind = keyof typeof TRAINING_KINDS

/** A 救护员证 is valid 3 years (as the certificates the Red Cross issues state); its holder is reminded 60 days before it lapses. */
export const CERTIFICATE_YEARS = 3
export const CERTIFICATE_REMINDER_DAYS = 60

export type TrainingSession = {
  _id: string
  kind: TrainingKind
  title: string
  communityId: string
  /** The first day (lists and sign-ups go by it). */
  date: string
  /** Every day of the course, in order (a two-day course has two); the exam result comes after the last. */
  dates: string[]
  time: string
  place: string
  capacity: number
  seatsLeft: number
  requirements: string
  /** The caller's sign-up, if any. */
  mine: SignupStatus | null
}

export type SignupStatus = 'signed' | 'cancelled' | 'attended' | 'passed' | 'failed'
export const SIGNUP_STATUS_LABELS: Record<SignupStatus, string> = { signed: '已报名', cancelled: '已取消', attended: '已参加', passed: '考核通过', failed: '考核未通过' }

export type Signup = { _id: string; sessionId: string; name: string; phone: string; status: SignupStatus }
export type RosterEntry = Signup & { certificate: Certificate | null }

/**
 * A 救护员证 as recorded from the certificate the Red Cross issued: the app never makes one up.
 * `number` and `issuer` are null (待补录) until staff copy them from the paper certificate — the
 * state of every number the app used to generate ("JHY…").
 */
export type Certificate = {
  _id: string
  number: string | null
  issuer: string | null
  name: string
  issuedOn: string
  validUntil: string
  sessionId: string
  sessionTitle: string
  /** A link to the photo staff took of the paper certificate, once its check passed (holder and staff only). */
  photo: string | null
}

/** How a certificate number not yet copied from the paper certificate reads. */
export const PENDING_NUMBER_LABEL = '待补录'

const time = v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, '时间格式如 09:00-16:00'))

/** Up to 10 course days, each a real date, none twice; stored in order. */
const courseDates = v.pipe(
  v.array(fields.date('培训日期'), '请选择培训日期'),
  v.minLength(1, '请至少选择一天培训日期'),
  v.maxLength(10, '培训日期最多10天'),
  v.check((dates) => new Set(dates).size === dates.length, '培训日期不能重复'),
  v.transform((dates) => [...dates].sort()),
)

/**
 * A 救护员证 number as printed: letters, digits and hyphens, 6–30 characters with at least 4
 * digits (numbering differs between provincial Red Cross societies, so only the shape is checked).
 */
export const CERTIFICATE_NUMBER_PATTERN = /^[A-Z0-9][A-Z0-9-]{4,28}[A-Z0-9]$/
const certificateNumber = v.pipe(
  v.string('请填写证书编号'),
  v.trim(),
  v.toUpperCase(),
  v.nonEmpty('请填写证书编号'),
  v.regex(CERTIFICATE_NUMBER_PATTERN, '证书编号应为6–30位字母、数字或“-”，请照证书填写'),
  v.check((number) => (number.match(/\d/g) ?? []).length >= 4, '证书编号应含至少4位数字，请照证书填写'),
)

/**
 * The issuer is a Red Cross society: 红十字会法 (2017修订) 第十一条第（二）项 gives 红十字会 the
 * emergency first-aid training, and 第七条 sets them up at county level and above (e.g. 绍兴市柯桥区红十字会).
 */
const issuer = v.pipe(fields.text('发证单位', 4, 40), v.check((name) => name.includes('红十字会'), '发证单位应为红十字会，如“绍兴市柯桥区红十字会”，请照证书填写'))

export const trainingInputs = {
  sessions: v.object({ communityId: v.optional(fields.community()) }),
  create: v.object({
    kind: v.picklist(['rescuer', 'popular'], '请选择培训类型'),
    title: fields.text('培训名称', 2, 40),
    communityId: fields.community(),
    dates: courseDates,
    time,
    place: fields.text('地点', 2, 60),
    capacity: v.pipe(v.number('名额应为数字'), v.integer(), v.minValue(1, '至少1个名额'), v.maxValue(500, '最多500个名额')),
    requirements: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200)), ''),
  }),
  signup: v.object({ sessionId: fields.id('培训编号'), name: fields.text('姓名', 2, 20), phone: fields.phone() }),
  cancelSignup: v.object({ sessionId: fields.id('培训编号') }),
  roster: v.object({ sessionId: fields.id('培训编号') }),
  record: v.object({ signupId: fields.id('报名编号'), status: v.picklist(['attended', 'passed', 'failed'], '请选择出勤或考核结果') }),
  /** Staff copy the 救护员证 the Red Cross issued to someone who passed. */
  recordCertificate: v.pipe(
    v.object({
      signupId: fields.id('报名编号'),
      number: certificateNumber,
      issuer,
      issuedOn: fields.date('发证日期'),
      validUntil: fields.date('有效期至'),
      /** Optional: a photo of the paper certificate. */
      photo: v.optional(v.pipe(v.string(), v.regex(/^cloud:\/\/\S+$/, '图片格式不正确'))),
    }),
    v.forward(
      v.check(({ issuedOn, validUntil }) => validUntil > issuedOn && validUntil <= dayjs(issuedOn).add(CERTIFICATE_YEARS, 'year').format('YYYY-MM-DD'), `有效期应在发证日期之后、${CERTIFICATE_YEARS}年之内，请照证书填写`),
      ['validUntil'],
    ),
  ),
  /** Sessions of the caller's communities, past ones too (results and certificates come after the course). */
  manageSessions: v.object({}),
  certificates: v.object({}),
}

export type TrainingApi = {
  sessions: ActionSpec<v.InferInput<typeof trainingInputs.sessions>, { items: TrainingSession[] }>
  create: ActionSpec<v.InferInput<typeof trainingInputs.create>, TrainingSession>
  signup: ActionSpec<v.InferInput<typeof trainingInputs.signup>, TrainingSession>
  cancelSignup: ActionSpec<v.InferInput<typeof trainingInputs.cancelSignup>, TrainingSession>
  /** With the 救护员证 recorded for each (null until staff record it). */
  roster: ActionSpec<v.InferInput<typeof trainingInputs.roster>, { items: RosterEntry[] }>
  /** `communityId`: the community of the course (its staff recorded it). */
  record: ActionSpec<v.InferInput<typeof trainingInputs.record>, Signup & { communityId: string; certificate: Certificate | null }>
  recordCertificate: ActionSpec<v.InferInput<typeof trainingInputs.recordCertificate>, Signup & { communityId: string; certificate: Certificate }>
  manageSessions: ActionSpec<v.InferInput<typeof trainingInputs.manageSessions>, { items: TrainingSession[] }>
  certificates: ActionSpec<v.InferInput<typeof trainingInputs.certificates>, { items: Certificate[] }>
}

/**
 * Whether a 救护员证 shows its holder is a certified responder today: its number was recorded from
 * the certificate the Red Cross issued (not 待补录) and it has not lapsed.
 */
export const certifiesOn = (certificate: { number: string | null; validUntil: string }, today: string): boolean => !!certificate.number && certificate.validUntil >= today
