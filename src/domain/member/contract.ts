import * as v from 'valibot'
import type { ActionSpec, Page } from '../contract'
import { fields } from '../validation'
import { correctionSchema, type ApplicationInput, type ApplicationStatus, type CorrectableField, type Gender, type Guardian } from './application'
import { duesSettingSchema, type DuesSetting, type DuesStanding } from './dues'

export type TimelineEntry = {
  at: string
  action: 'submitted' | 'resubmitted' | 'approved' | 'rejected' | 'left' | 'withdrawn'
  /** Who acted, as the person reading may see it: 本人 or 工作人员 + name. */
  by: string
  reason?: string
}

/**
 * An application as a response carries it. `idNumber` is masked (3306**********123X) for
 * everyone except staff of the applicant's community on `member.get`; `phone` is masked in lists.
 */
export type ApplicationView = {
  _id: string
  status: ApplicationStatus
  name: string
  gender: Gender
  birthDate: string
  idNumber: string
  phone: string
  communityId: string
  communityName: string
  address: string
  youth: boolean
  guardian: Guardian | null
  memberNo: string | null
  /** A member's dues (approved applications only). */
  dues: DuesStanding | null
  rejectReason: string | null
  timeline: TimelineEntry[]
  submittedAt: string
  /** 更正 requests and what became of them. */
  corrections: Array<{ key: string; field: CorrectableField; value: string; status: 'open' | 'accepted' | 'declined'; at: string }>
  /** When staff opened the full ID number, and who: the applicant can see every view. */
  idViews: Array<{ at: string; by: string }>
}

/**
 * The electronic member card (电子会员卡). No validity date: membership lasts while dues are paid
 * (《中国红十字会会费管理办法》); `dues` says to which year and what is due next.
 */
export type MemberCard = {
  memberNo: string
  name: string
  communityName: string
  joinedAt: string
  idNumber: string
  /** 青少年会员 under 18, computed from the birth date on the day it is shown. */
  youth: boolean
  dues: DuesStanding
}

/** One member as the district Red Cross receives the 备案 (ID masked unless opened, which is recorded). */
export type FilingRow = {
  applicationId: string
  memberNo: string
  name: string
  gender: Gender
  birthDate: string
  idNumber: string
  communityName: string
  address: string
  joinedAt: string
  youth: boolean
  dues: string
}

export const memberInputs = {
  mine: v.object({}),
  review: v.pipe(
    v.object({
      applicationId: fields.id('申请编号'),
      decision: v.picklist(['approve', 'reject'], '请选择通过或不通过'),
      reason: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200, '原因最多200个字')), ''),
    }),
    v.forward(
      v.partialCheck([['decision'], ['reason']], (input) => input.decision === 'approve' || input.reason.length >= 2, '请填写不通过的原因，申请人会看到'),
      ['reason'],
    ),
  ),
  list: v.object({
    status: v.optional(v.picklist(['pending', 'approved', 'rejected', 'left'], '状态不正确')),
    communityId: v.optional(fields.community()),
    page: fields.page,
    pageSize: fields.pageSize,
  }),
  get: v.object({ applicationId: fields.id('申请编号') }),
  /** 更正: the applicant asks for one verified field to be corrected. */
  requestCorrection: correctionSchema,
  /** Staff of the community accept (the field takes the value) or decline a correction. */
  resolveCorrection: v.object({ applicationId: fields.id('申请编号'), key: fields.id('更正编号'), accept: v.boolean('请选择采纳或不采纳') }),
  /** 退会: the member leaves the Red Cross and keeps the account; they confirm on purpose. */
  leave: v.object({ confirm: v.literal(true, '请确认退会') }),
  /** 撤回: the applicant takes back an application still waiting for review. */
  withdraw: v.object({ confirm: v.literal(true, '请确认撤回申请') }),
  /** 备案: the district's members, joined within a period (dates inclusive). */
  filing: v.object({ joinedFrom: v.optional(fields.date('开始日期'), '2000-01-01'), joinedTo: v.optional(fields.date('结束日期'), '2100-12-31'), page: fields.page, pageSize: fields.pageSize }),
  /** The same period as a CSV file (UTF-8 with BOM, so spreadsheet programs read the Chinese). */
  filingExport: v.object({ joinedFrom: fields.date('开始日期'), joinedTo: fields.date('结束日期') }),
  /** Staff record one year's dues received (amount in 分, the receipt's number). */
  recordDues: v.object({
    applicationId: fields.id('申请编号'),
    year: v.pipe(v.number('请选择年度'), v.integer('年度不正确'), v.minValue(2000, '年度不正确'), v.maxValue(2100, '年度不正确')),
    amountFen: v.pipe(v.number('请填写金额'), v.integer('金额以分为单位，应为整数'), v.minValue(1, '金额应大于0')),
    receiptNo: v.pipe(v.string('请填写收据号'), v.trim(), v.nonEmpty('请填写收据号'), v.maxLength(32, '收据号最多32个字符'), v.regex(/^[0-9A-Za-z-]+$/, '收据号只能是数字、字母和短横线')),
  }),
  /** 在校学生: dues voluntary (or no longer a student). */
  setStudent: v.object({ applicationId: fields.id('申请编号'), student: v.boolean('请选择是否在校学生') }),
  /** The community's yearly dues for adult and youth members, within the caps. */
  setDues: v.object({ communityId: fields.community(), ...duesSettingSchema.entries }),
}

export type MemberApi = {
  apply: ActionSpec<ApplicationInput, ApplicationView>
  mine: ActionSpec<v.InferInput<typeof memberInputs.mine>, { application: ApplicationView | null; card: MemberCard | null }>
  review: ActionSpec<v.InferInput<typeof memberInputs.review>, ApplicationView>
  list: ActionSpec<v.InferInput<typeof memberInputs.list>, Page<ApplicationView>>
  get: ActionSpec<v.InferInput<typeof memberInputs.get>, ApplicationView>
  filing: ActionSpec<v.InferInput<typeof memberInputs.filing>, Page<FilingRow>>
  filingExport: ActionSpec<v.InferInput<typeof memberInputs.filingExport>, { fileName: string; csv: string; rows: number }>
  requestCorrection: ActionSpec<v.InferInput<typeof memberInputs.requestCorrection>, ApplicationView>
  resolveCorrection: ActionSpec<v.InferInput<typeof memberInputs.resolveCorrection>, ApplicationView>
  leave: ActionSpec<v.InferInput<typeof memberInputs.leave>, ApplicationView>
  withdraw: ActionSpec<v.InferInput<typeof memberInputs.withdraw>, ApplicationView>
  recordDues: ActionSpec<v.InferInput<typeof memberInputs.recordDues>, ApplicationView>
  setStudent: ActionSpec<v.InferInput<typeof memberInputs.setStudent>, ApplicationView>
  setDues: ActionSpec<v.InferInput<typeof memberInputs.setDues>, DuesSetting>
}
