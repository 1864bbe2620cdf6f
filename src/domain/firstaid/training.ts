import * as v from 'valibot'
import type { ActionSpec } from '../contract'
import { fields } from '../validation'

/** 救护员培训 (certified, leads to a 救护员证) or 普及培训 (awareness). */
export const TRAINING_KINDS = { rescuer: '救护员培训', popular: '普及培训' } as const
export type TrainingKind = keyof typeof TRAINING_KINDS

/** A 救护员证 is valid 3 years; its holder is reminded 60 days before it lapses. */
export const CERTIFICATE_YEARS = 3
export const CERTIFICATE_REMINDER_DAYS = 60

export type TrainingSession = {
  _id: string
  kind: TrainingKind
  title: string
  communityId: string
  date: string
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

export type Certificate = { _id: string; number: string; name: string; issuedOn: string; validUntil: string; sessionId: string; sessionTitle: string }

const time = v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, '时间格式如 09:00-16:00'))

export const trainingInputs = {
  sessions: v.object({ communityId: v.optional(fields.community()) }),
  create: v.object({
    kind: v.picklist(['rescuer', 'popular'], '请选择培训类型'),
    title: fields.text('培训名称', 2, 40),
    communityId: fields.community(),
    date: fields.date('培训日期'),
    time,
    place: fields.text('地点', 2, 60),
    capacity: v.pipe(v.number('名额应为数字'), v.integer(), v.minValue(1, '至少1个名额'), v.maxValue(500, '最多500个名额')),
    requirements: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200)), ''),
  }),
  signup: v.object({ sessionId: fields.id('培训编号'), name: fields.text('姓名', 2, 20), phone: fields.phone() }),
  cancelSignup: v.object({ sessionId: fields.id('培训编号') }),
  roster: v.object({ sessionId: fields.id('培训编号') }),
  record: v.object({ signupId: fields.id('报名编号'), status: v.picklist(['attended', 'passed', 'failed'], '请选择出勤或考核结果') }),
  certificates: v.object({}),
}

export type TrainingApi = {
  sessions: ActionSpec<v.InferInput<typeof trainingInputs.sessions>, { items: TrainingSession[] }>
  create: ActionSpec<v.InferInput<typeof trainingInputs.create>, TrainingSession>
  signup: ActionSpec<v.InferInput<typeof trainingInputs.signup>, TrainingSession>
  cancelSignup: ActionSpec<v.InferInput<typeof trainingInputs.cancelSignup>, TrainingSession>
  roster: ActionSpec<v.InferInput<typeof trainingInputs.roster>, { items: Signup[] }>
  record: ActionSpec<v.InferInput<typeof trainingInputs.record>, Signup & { certificate: Certificate | null }>
  certificates: ActionSpec<v.InferInput<typeof trainingInputs.certificates>, { items: Certificate[] }>
}

/**
 * Whether a 救护员证 shows its holder is a certified responder today: its number was recorded from
 * the certificate the Red Cross issued (not 待补录) and it has not lapsed.
 */
export const certifiesOn = (certificate: { number: string | null; validUntil: string }, today: string): boolean => !!certificate.number && certificate.validUntil >= today
