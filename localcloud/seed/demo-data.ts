import type { Community } from '@/domain/community/types'
import type { UserDoc } from '@/domain/user/types'

/**
 * The three community stations of the seeds, in 柯桥区, Shaoxing (GCJ-02 coordinates). 港越 (1.0,
 * run offline) checks new volunteers first; 玉兰 and 大渡 take them at once.
 */
export const DEMO_COMMUNITIES: Community[] = [
  { _id: 'gangyue', name: '港越社区', code: 'GY', district: '绍兴市柯桥区', edition: '1.0', location: { latitude: 30.0727, longitude: 120.4935 }, volunteerApprovalRequired: true },
  { _id: 'yulan', name: '玉兰社区', code: 'YL', district: '绍兴市柯桥区', edition: '2.0', location: { latitude: 30.0815, longitude: 120.4862 }, volunteerApprovalRequired: false },
  { _id: 'dadu', name: '大渡社区', code: 'DD', district: '绍兴市柯桥区', edition: '3.0', location: { latitude: 30.0656, longitude: 120.5068 }, volunteerApprovalRequired: false },
]

export type DemoIdentity = { openid: string; label: string; role: string }

type DemoUser = Omit<UserDoc, 'createdAt'> & { label: string }

/** The seeded identities of DESIGN.md; the H5 identity switcher offers exactly these. */
export const DEMO_USERS: DemoUser[] = [
  { _id: 'demo-resident', displayName: '王秀英', label: '居民', roles: [], homeCommunityId: 'yulan', staffCommunityIds: [] },
  { _id: 'demo-volunteer', displayName: '李志强', label: '志愿者', roles: ['volunteer'], homeCommunityId: 'dadu', staffCommunityIds: [] },
  { _id: 'demo-member', displayName: '陈美华', label: '红十字会员', roles: ['member'], homeCommunityId: 'gangyue', staffCommunityIds: [] },
  {
    _id: 'demo-staff',
    displayName: '张敏',
    label: '工作人员',
    roles: ['staff'],
    homeCommunityId: 'yulan',
    staffCommunityIds: DEMO_COMMUNITIES.map((c) => c._id),
  },
]

export const DEMO_IDENTITIES: DemoIdentity[] = DEMO_USERS.map((u) => ({ openid: u._id, label: `${u.label} · ${u.displayName}`, role: u.label }))

/** demo-volunteer's profile in 大渡社区, with some service already done. */
export const DEMO_VOLUNTEERS = [
  {
    _id: 'vo-demo-volunteer',
    openid: 'demo-volunteer',
    status: 'active',
    name: '李志强',
    phone: '13857500002',
    communityId: 'dadu',
    skills: ['维修', '驾驶', '代买代办'],
    availability: ['sat-am', 'sat-pm', 'sun-am', 'wed-eve'],
    intro: '退休电工，周末有空，可以帮忙修修家电、开车送老人看病。',
    hours: 36,
    points: 360,
    rejectReason: null,
  },
]
