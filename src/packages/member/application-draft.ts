import { isYouth } from '@/domain/member/age'
import type { Gender, GuardianRelation } from '@/domain/member/application'
import type { ApplicationView } from '@/domain/member/contract'
import { birthDateOf, normaliseIdNumber } from '@/domain/member/id-number'

/** What the 申请入会 form holds while the person fills it in. */
export type ApplicationDraft = {
  name: string
  gender?: Gender
  idNumber: string
  birthDate: string
  phone: string
  communityId?: string
  address: string
  occupation: string
  guardianName: string
  guardianRelation?: GuardianRelation
  guardianPhone: string
  consent: boolean
  idConsent: boolean
}

export const EMPTY_DRAFT: ApplicationDraft = {
  name: '',
  idNumber: '',
  birthDate: '',
  phone: '',
  address: '',
  occupation: '',
  guardianName: '',
  guardianPhone: '',
  consent: false,
  idConsent: false,
}

/** A rejected application, ready to correct. The ID number is masked in it, so it is typed again. */
export function draftFrom(application: ApplicationView): ApplicationDraft {
  return {
    ...EMPTY_DRAFT,
    name: application.name,
    gender: application.gender,
    birthDate: application.birthDate,
    phone: application.phone,
    communityId: application.communityId,
    address: application.address,
    occupation: application.occupation,
    guardianName: application.guardian?.name ?? '',
    guardianRelation: application.guardian?.relation,
    guardianPhone: application.guardian?.phone ?? '',
  }
}

export function needsGuardian(draft: ApplicationDraft, today: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(draft.birthDate) && isYouth(draft.birthDate, today)
}

/** The draft in the shape of `member.apply`'s input, to be checked against its schema. */
export function toApplicationInput(draft: ApplicationDraft, today: string) {
  return {
    name: draft.name,
    gender: draft.gender,
    birthDate: draft.birthDate,
    idNumber: draft.idNumber,
    phone: draft.phone,
    communityId: draft.communityId,
    address: draft.address,
    occupation: draft.occupation,
    guardian: needsGuardian(draft, today) ? { name: draft.guardianName, relation: draft.guardianRelation, phone: draft.guardianPhone } : undefined,
    consent: draft.consent,
    idConsent: draft.idConsent,
  }
}

/** The birth date in a typed ID number, to fill in for the person when they have not yet. */
export function birthDateFromId(idNumber: string): string | null {
  const id = normaliseIdNumber(idNumber)
  return id.length === 18 ? birthDateOf(id) : null
}

/** The form's steps and the fields each one checks before moving on. */
export const STEPS = [
  { title: '个人信息', fields: ['name', 'gender', 'idNumber', 'birthDate', 'phone'] },
  { title: '社区住址', fields: ['communityId', 'address', 'occupation', 'guardian', 'guardian.name', 'guardian.relation', 'guardian.phone'] },
  { title: '阅读同意', fields: ['consent', 'idConsent'] },
  { title: '确认提交', fields: [] },
] as const
