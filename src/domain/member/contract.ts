import * as v from 'valibot'
import type { ActionSpec, Page } from '../contract'
import { fields } from '../validation'
import type { ApplicationInput, ApplicationStatus, Gender, Guardian } from './application'

export type TimelineEntry = {
  at: string
  action: 'submitted' | 'resubmitted' | 'approved' | 'rejected'
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
  rejectReason: string | null
  timeline: TimelineEntry[]
  submittedAt: string
  /** When staff opened the full ID number, and who: the applicant can see every view. */
  idViews: Array<{ at: string; by: string }>
}

/** The electronic member card (电子会员卡). */
export type MemberCard = {
  memberNo: string
  name: string
  communityName: string
  joinedAt: string
  validUntil: string
  idNumber: string
  youth: boolean
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
    status: v.optional(v.picklist(['pending', 'approved', 'rejected'], '状态不正确')),
    communityId: v.optional(fields.community()),
    page: fields.page,
    pageSize: fields.pageSize,
  }),
  get: v.object({ applicationId: fields.id('申请编号') }),
}

export type MemberApi = {
  apply: ActionSpec<ApplicationInput, ApplicationView>
  mine: ActionSpec<v.InferInput<typeof memberInputs.mine>, { application: ApplicationView | null; card: MemberCard | null }>
  review: ActionSpec<v.InferInput<typeof memberInputs.review>, ApplicationView>
  list: ActionSpec<v.InferInput<typeof memberInputs.list>, Page<ApplicationView>>
  get: ActionSpec<v.InferInput<typeof memberInputs.get>, ApplicationView>
}
