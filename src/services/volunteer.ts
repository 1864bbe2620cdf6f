import type { VolunteerApi } from '@/domain/volunteer/contract'
import type { VolunteerRegistration } from '@/domain/volunteer/profile'
import { createClient } from './cloud-client'

const client = createClient<VolunteerApi>('volunteer')

export const volunteerService = {
  register: (registration: VolunteerRegistration) => client('register', registration),
  mine: () => client('mine', {}),
  list: (status: 'pending' | 'active' | 'rejected', page: number) => client('list', { status, page, pageSize: 20 }),
  review: (volunteerId: string, decision: 'approve' | 'reject', reason = '') => client('review', { volunteerId, decision, reason }),
}
