import * as v from 'valibot'
import type { ActionSpec, Page } from '../contract'
import { fields } from '../validation'
import { volunteerRegistrationSchema, volunteerUpdateSchema, type Skill, type VolunteerStatus } from './profile'

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
}

export type VolunteerApi = {
  register: ActionSpec<v.InferInput<typeof volunteerInputs.register>, VolunteerProfile>
  mine: ActionSpec<v.InferInput<typeof volunteerInputs.mine>, { profile: VolunteerProfile | null }>
  update: ActionSpec<v.InferInput<typeof volunteerInputs.update>, VolunteerProfile>
  list: ActionSpec<v.InferInput<typeof volunteerInputs.list>, Page<VolunteerProfile>>
  review: ActionSpec<v.InferInput<typeof volunteerInputs.review>, VolunteerProfile>
}
