import type { CertificateIssuer } from '@/domain/volunteer/certificate'
import type { CertificateRequestInput, VolunteerApi } from '@/domain/volunteer/contract'
import type { HonourPeriod } from '@/domain/volunteer/ledger'
import type { ListedVolunteerStatus, VolunteerRegistration, VolunteerUpdate } from '@/domain/volunteer/profile'
import { createClient } from './cloud-client'

const client = createClient<VolunteerApi>('volunteer')

export const volunteerService = {
  register: (registration: VolunteerRegistration) => client('register', registration),
  mine: () => client('mine', {}),
  update: (changes: VolunteerUpdate) => client('update', changes),
  withdraw: () => client('withdraw', { confirm: true }),
  /** `communityId` '' for all the staff member's communities. */
  list: (status: ListedVolunteerStatus, communityId: string, page: number) => client('list', { status, page, pageSize: 20, ...(communityId ? { communityId } : {}) }),
  /** `communityId`: the community an outsider asked to serve in (absent for a registration). */
  review: (volunteerId: string, decision: 'approve' | 'reject', reason = '', communityId?: string) => client('review', { volunteerId, decision, reason, communityId }),
  join: (communityId: string) => client('join', { communityId }),
  ledger: (page: number) => client('ledger', { page, pageSize: 20 }),
  /** `requestId`: made once when the form opens, so a retried submit corrects once. */
  correctHours: (volunteerId: string, hours: number, reason: string, requestId: string) => client('correctHours', { volunteerId, hours, reason, requestId }),
  honourBoard: (communityId: string, period: HonourPeriod) => client('honourBoard', { communityId, period }),
  requestCertificate: (request: CertificateRequestInput) => client('requestCertificate', request),
  myCertificates: (page: number) => client('myCertificates', { page, pageSize: 10 }),
  certificateQueue: (page: number) => client('certificateQueue', { page, pageSize: 10 }),
  issueCertificate: (requestId: string, decision: 'issue' | 'decline' = 'issue', reason = '') => client('issueCertificate', { requestId, decision, reason }),
  certificateIssuer: (communityId: string) => client('certificateIssuer', { communityId }),
  setCertificateIssuer: (communityId: string, issuer: CertificateIssuer) => client('setCertificateIssuer', { communityId, ...issuer }),
  verifyCertificate: (code: string) => client('verifyCertificate', { code }),
  /** A period's service records of a community for the national 志愿服务信息系统, as CSV. */
  exportRecords: (communityId: string, from: string, to: string) => client('exportRecords', { communityId, from, to }),
}
