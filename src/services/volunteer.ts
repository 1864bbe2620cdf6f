import type { VolunteerApi } from '@/domain/volunteer/contract'
import type { HonourPeriod } from '@/domain/volunteer/ledger'
import type { VolunteerRegistration, VolunteerUpdate } from '@/domain/volunteer/profile'
import { createClient } from './cloud-client'

const client = createClient<VolunteerApi>('volunteer')

export const volunteerService = {
  register: (registration: VolunteerRegistration) => client('register', registration),
  mine: () => client('mine', {}),
  update: (changes: VolunteerUpdate) => client('update', changes),
  list: (status: 'pending' | 'active' | 'rejected', page: number) => client('list', { status, page, pageSize: 20 }),
  review: (volunteerId: string, decision: 'approve' | 'reject', reason = '') => client('review', { volunteerId, decision, reason }),
  ledger: (page: number) => client('ledger', { page, pageSize: 20 }),
  /** `requestId`: made once when the form opens, so a retried submit corrects once. */
  correctHours: (volunteerId: string, hours: number, reason: string, requestId: string) => client('correctHours', { volunteerId, hours, reason, requestId }),
  honourBoard: (communityId: string, period: HonourPeriod) => client('honourBoard', { communityId, period }),
  issueCertificate: (from: string, to: string) => client('issueCertificate', { from, to }),
  verifyCertificate: (code: string) => client('verifyCertificate', { code }),
}
