import type { ApplicationInput, QueueStatus, CorrectableField } from '@/domain/member/application'
import type { MemberApi } from '@/domain/member/contract'
import { createClient } from './cloud-client'

const client = createClient<MemberApi>('member')

export const memberService = {
  apply: (application: ApplicationInput) => client('apply', application),
  mine: () => client('mine', {}),
  /** `communityId` '' for all the staff member's communities. */
  list: (status: QueueStatus, communityId: string, page: number) => client('list', { status, page, pageSize: 20, ...(communityId ? { communityId } : {}) }),
  get: (applicationId: string) => client('get', { applicationId }),
  filing: (joinedFrom: string, joinedTo: string, page: number) => client('filing', { joinedFrom, joinedTo, page, pageSize: 20 }),
  filingExport: (joinedFrom: string, joinedTo: string) => client('filingExport', { joinedFrom, joinedTo }),
  requestCorrection: (field: CorrectableField, value: string) => client('requestCorrection', { field, value }),
  resolveCorrection: (applicationId: string, key: string, accept: boolean) => client('resolveCorrection', { applicationId, key, accept }),
  leave: () => client('leave', { confirm: true }),
  withdraw: () => client('withdraw', { confirm: true }),
  recordDues: (applicationId: string, year: number, amountFen: number, receiptNo: string) => client('recordDues', { applicationId, year, amountFen, receiptNo }),
  setStudent: (applicationId: string, student: boolean) => client('setStudent', { applicationId, student }),
  review: (applicationId: string, decision: 'approve' | 'reject', reason = '') => client('review', { applicationId, decision, reason }),
}
