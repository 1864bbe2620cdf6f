import type { ActivityApi } from '@/domain/activity/contract'
import type { ActivityInput, ActivityType } from '@/domain/activity/rules'
import type { LatLng } from '@/domain/geo'
import { createClient } from './cloud-client'

const client = createClient<ActivityApi>('activity')

export type ActivityFilter = { communityId?: string; type?: ActivityType; from?: string; to?: string; keyword?: string; near?: LatLng }

/** How a volunteer proves they are there: their position, or the organiser's 6-digit code. */
export type Presence = { position: LatLng } | { code: string }

const presence = (p: Presence) => ('code' in p ? { code: p.code } : { latitude: p.position.latitude, longitude: p.position.longitude })

export const activityService = {
  create: (activity: ActivityInput) => client('create', activity),
  update: (activityId: string, activity: Omit<ActivityInput, 'communityId'>) => client('update', { activityId, ...activity }),
  cancel: (activityId: string, reason: string) => client('cancel', { activityId, reason }),
  list: ({ near, ...filter }: ActivityFilter, page: number) => client('list', { ...filter, ...near, page, pageSize: 10 }),
  get: (activityId: string, near?: LatLng) => client('get', { activityId, ...near }),
  signup: (activityId: string) => client('signup', { activityId }),
  cancelSignup: (activityId: string) => client('cancelSignup', { activityId }),
  checkIn: (activityId: string, how: Presence) => client('checkIn', { activityId, ...presence(how) }),
  checkOut: (activityId: string, how: Presence) => client('checkOut', { activityId, ...presence(how) }),
  code: (activityId: string) => client('code', { activityId }),
  attendance: (activityId: string, page: number) => client('attendance', { activityId, page, pageSize: 20 }),
  confirmAttendance: (activityId: string, signupIds: string[]) => client('confirmAttendance', { activityId, signupIds }),
  requestMakeup: (activityId: string, reason: string, arrivedAt: string, leftAt: string) => client('requestMakeup', { activityId, reason, arrivedAt, leftAt }),
  reviewMakeup: (signupId: string, decision: 'approve' | 'reject', reason = '') => client('reviewMakeup', { signupId, decision, reason }),
  mine: (when: 'upcoming' | 'past', page: number) => client('mine', { when, page, pageSize: 10 }),
}
