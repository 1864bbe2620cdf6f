import { isYouth } from '@/domain/member/age'
import type { GuardianRelation } from '@/domain/member/application'
import type { ApplicationView } from '@/domain/member/contract'
import { derivedFromId, normaliseIdNumber } from '@/domain/member/id-number'

/** What the 申请入会 form holds while the person fills it in. Birth date and gender come from the ID. */
export type ApplicationDraft = {
  name: string
  idNumber: string
  phone: string
  communityId?: string
  address: string
  guardianName: string
  guardianRelation?: GuardianRelation
  guardianPhone: string
  consent: boolean
  idConsent: boolean
}

export const EMPTY_DRAFT: ApplicationDraft = {
  name: '',
  idNumber: '',
  phone: '',
  address: '',
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
    phone: application.phone,
    communityId: application.communityId,
    address: application.address,
    guardianName: application.guardian?.name ?? '',
    guardianRelation: application.guardian?.relation,
    guardianPhone: application.guardian?.phone ?? '',
  }
}

/** The birth date and gender a typed ID number holds, shown under it for the person to check. */
export const derivedFromDraft = (draft: ApplicationDraft) => derivedFromId(normaliseIdNumber(draft.idNumber))

export function needsGuardian(draft: ApplicationDraft, today: string): boolean {
  const derived = derivedFromDraft(draft)
  return !!derived && isYouth(derived.birthDate, today)
}

/** The draft in the shape of `member.apply`'s input, to be checked against its schema. */
export function toApplicationInput(draft: ApplicationDraft, today: string) {
  return {
    name: draft.name,
    idNumber: draft.idNumber,
    phone: draft.phone,
    communityId: draft.communityId,
    address: draft.address,
    guardian: needsGuardian(draft, today) ? { name: draft.guardianName, relation: draft.guardianRelation, phone: draft.guardianPhone } : undefined,
    consent: draft.consent,
    idConsent: draft.idConsent,
  }
}

/** The form's steps and the fields each one checks before moving on. */
export const STEPS = [
  { title: '个人信息', fields: ['name', 'idNumber', 'phone'] },
  { title: '社区住址', fields: ['communityId', 'address', 'guardian', 'guardian.name', 'guardian.relation', 'guardian.phone'] },
  { title: '阅读同意', fields: ['consent', 'idConsent'] },
  { title: '确认提交', fields: [] },
] as const
