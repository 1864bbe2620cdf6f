import type { Dashboard, DashboardQueue, Invitation, Joined, SettingsView, StaffList } from '@/domain/community/contract'
import { startTestCloud, unwrap, type TestCloud } from '../../localcloud/testing'
import { PHOTO_PLACES } from '../_kit/photo-places'
import { bootstrapCode } from './bootstrap'

let cloud: TestCloud
const ADMIN = 'demo-staff'
const STAFF = 'demo-staff-2'
const DISTRICT = 'demo-district'
let nextId = 0
const uid = (prefix: string) => `${prefix}-${++nextId}`
let requests = 0
const rid = () => `req-${Date.now().toString(36)}-${++requests}`

const community = <T>(openid: string, action: string, fields: Record<string, unknown> = {}) => cloud.call<T>('community', openid, { action, ...fields })
const invite = (openid: string, communityId: string, role: string, requestId = rid()) => community<Invitation>(openid, 'invite', { communityId, role, requestId })
const join = (openid: string, code: string) => community<Joined>(openid, 'join', { code })
const userDoc = (openid: string) => cloud.store.find('users', { _id: openid })[0] as unknown as { roles: string[]; staffCommunityIds: string[]; adminCommunityIds?: string[]; editorCommunityIds?: string[] } | undefined
const communityDoc = (id: string) => cloud.store.find('communities', { _id: id })[0] as Record<string, unknown>

/** A fresh community (of 柯桥区 unless told) with no admin and no staff. */
function newCommunity(district = '绍兴市柯桥区'): string {
  const id = uid('cc')
  cloud.store.insert('communities', [{ _id: id, name: `测试社区${id}`, code: id.toUpperCase(), district, edition: '1.0', location: { latitude: 30.07, longitude: 120.49 }, volunteerApprovalRequired: false, adminOpenids: [] }])
  return id
}

/** A fresh community whose first admin came in by the bootstrap code (README, 首位管理员). */
async function communityWithAdmin(): Promise<{ communityId: string; admin: string }> {
  const communityId = newCommunity()
  const admin = uid('admin')
  unwrap(await join(admin, bootstrapCode(process.env.ID_ENCRYPTION_KEY as string, communityId, admin)))
  return { communityId, admin }
}

beforeAll(async () => {
  cloud = await startTestCloud()
})
afterAll(() => cloud.stop())

describe('roles: invitations, the first admin, removal', () => {
  test('an admin invites; the invitee joins with the code once; a second use is refused', async () => {
    const invitation = unwrap(await invite(ADMIN, 'gangyue', 'staff'))
    expect(invitation.code).toMatch(/^[A-Z2-9]{8}$/)
    expect(new Date(invitation.expiresAt).getTime() - Date.now()).toBeGreaterThan(23.9 * 3600_000)
    const newcomer = uid('new')
    // Typed as a person would: lower case, with a space.
    expect(unwrap(await join(newcomer, `${invitation.code.slice(0, 4).toLowerCase()} ${invitation.code.slice(4)}`))).toMatchObject({ communityId: 'gangyue', role: 'staff', communityName: '港越社区' })
    expect(userDoc(newcomer)).toMatchObject({ roles: ['staff'], staffCommunityIds: ['gangyue'] })
    // The same person again (a retry) is fine; anyone else is refused and gets nothing.
    expect(unwrap(await join(newcomer, invitation.code)).role).toBe('staff')
    const other = uid('other')
    expect(await join(other, invitation.code)).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(userDoc(other)?.roles ?? []).toEqual([])
    // The new staff member acts as staff of that community at once (an existing staff action).
    expect(unwrap(await cloud.call<{ items: unknown[] }>('member', newcomer, { action: 'list', status: 'pending', communityId: 'gangyue' })).items.length).toBeGreaterThanOrEqual(0)
    expect(await cloud.call('member', newcomer, { action: 'list', status: 'pending', communityId: 'yulan' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  test('the same requestId answers the same invitation, never a second code', async () => {
    const requestId = rid()
    const first = unwrap(await invite(ADMIN, 'yulan', 'editor', requestId))
    const again = unwrap(await invite(ADMIN, 'yulan', 'editor', requestId))
    expect(again.code).toBe(first.code)
    expect(cloud.store.find('staffInvites', { code: first.code })).toHaveLength(1)
  })

  test('an expired invitation is refused and grants nothing', async () => {
    const invitation = unwrap(await invite(ADMIN, 'dadu', 'staff'))
    cloud.store.update('staffInvites', { code: invitation.code }, { $set: { expiresAt: new Date(Date.now() - 1000) } })
    const late = uid('late')
    expect(await join(late, invitation.code)).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('过期') })
    expect(userDoc(late)?.staffCommunityIds ?? []).toEqual([])
  })

  test('a wrong code is INVALID_INPUT, and wrong codes are limited', async () => {
    const guesser = uid('guess')
    for (let i = 0; i < 10; i++) expect(await join(guesser, 'ABCDEFGH')).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await join(guesser, 'ABCDEFGH')).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
  })

  test('nobody grants a role above their own: staff and editors invite nobody, the district role is not invitable', async () => {
    expect(await invite(STAFF, 'gangyue', 'staff')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await invite(STAFF, 'gangyue', 'admin')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await invite('demo-editor', 'dadu', 'editor')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await invite(ADMIN, 'gangyue', 'district')).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    // An admin of one community grants nothing in another.
    const { communityId, admin } = await communityWithAdmin()
    expect(await invite(admin, 'gangyue', 'staff')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(unwrap(await invite(admin, communityId, 'admin')).role).toBe('admin')
    expect(cloud.store.find('staffInvites', { createdBy: admin }).map((i) => i.communityId)).toEqual([communityId])
  })

  test('the first admin comes in by the environment\'s secret, once, and only the person it names', async () => {
    const communityId = newCommunity()
    const [first, second, thief] = [uid('first'), uid('second'), uid('thief')]
    const secret = process.env.ID_ENCRYPTION_KEY as string
    const firstCode = bootstrapCode(secret, communityId, first)
    expect(await join(thief, firstCode)).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await join(first, `${communityId}.${'0'.repeat(64)}`)).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(unwrap(await join(first, firstCode))).toMatchObject({ communityId, role: 'admin' })
    expect(userDoc(first)).toMatchObject({ roles: ['staff'], staffCommunityIds: [communityId], adminCommunityIds: [communityId] })
    // Not an open door: once the community has an admin, a second bootstrap is refused.
    expect(await join(second, bootstrapCode(secret, communityId, second))).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(userDoc(second)?.roles ?? []).toEqual([])
    expect(communityDoc(communityId).adminOpenids).toEqual([first])
  })

  test('an admin removes a staff member; the last admin cannot leave until another admin is in', async () => {
    const { communityId, admin } = await communityWithAdmin()
    const helper = uid('helper')
    unwrap(await join(helper, unwrap(await invite(admin, communityId, 'staff')).code))
    const list = unwrap(await community<StaffList>(admin, 'staff', { communityId }))
    expect(list.items.map((m) => [m.userId, m.roles])).toEqual([[admin, ['staff', 'admin']], [helper, ['staff']]])
    // Staff remove nobody but themselves.
    expect(await community(helper, 'removeStaff', { communityId, userId: admin })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    unwrap(await community<StaffList>(admin, 'removeStaff', { communityId, userId: helper }))
    expect(userDoc(helper)).toMatchObject({ roles: [], staffCommunityIds: [] })
    expect(await cloud.call('member', helper, { action: 'list', status: 'pending', communityId })).toMatchObject({ ok: false, code: 'FORBIDDEN' })

    const before = JSON.stringify([communityDoc(communityId), userDoc(admin)])
    expect(await community(admin, 'removeStaff', { communityId, userId: admin })).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(JSON.stringify([communityDoc(communityId), userDoc(admin)])).toBe(before)

    const second = uid('second')
    unwrap(await join(second, unwrap(await invite(admin, communityId, 'admin')).code))
    // Two admins removing each other at the same moment: one of them stays.
    const results = await Promise.all([community(admin, 'removeStaff', { communityId, userId: second }), community(second, 'removeStaff', { communityId, userId: admin })])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(communityDoc(communityId).adminOpenids).toHaveLength(1)
    const remaining = (communityDoc(communityId).adminOpenids as string[])[0]
    expect(userDoc(remaining)?.adminCommunityIds).toEqual([communityId])
  })

  test('the district role sees every community of its district and none other', async () => {
    const ours = newCommunity()
    const theirs = newCommunity('绍兴市越城区')
    expect(unwrap(await community<StaffList>(DISTRICT, 'staff', { communityId: ours })).canManage).toBe(true)
    expect(unwrap(await community<StaffList>(DISTRICT, 'staff', { communityId: 'dadu' })).items.length).toBeGreaterThan(0)
    expect(await community(DISTRICT, 'staff', { communityId: theirs })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await community(DISTRICT, 'update', { communityId: theirs, contact: '0575-88888888' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const board = unwrap(await community<Dashboard>(DISTRICT, 'dashboard'))
    const ids = board.communities.map((c) => c._id)
    expect(ids).toEqual(expect.arrayContaining(['gangyue', 'yulan', 'dadu', ours]))
    expect(ids).not.toContain(theirs)
  })
})

describe('settings: public to read, an admin changes them', () => {
  test('anyone reads the public settings with defaults; nothing personal', async () => {
    const view = unwrap(await community<SettingsView>('someone-new', 'get', { communityId: 'dadu' }))
    expect(view).toMatchObject({ communityId: 'dadu', name: '大渡社区', wishClaimDays: 7, pointsPerHour: 10, checkInRadiusMeters: 300, aedInspectionCycle: 'monthly', canManage: false })
    expect(view.psychSupportContact).toContain('心理援建')
    expect(JSON.stringify(view)).not.toContain('demo-staff')
    expect(unwrap(await community<SettingsView>(ADMIN, 'get', { communityId: 'dadu' })).canManage).toBe(true)
  })

  test('staff cannot change settings; bad input changes nothing; an admin changes them', async () => {
    const { communityId, admin } = await communityWithAdmin()
    const helper = uid('helper')
    unwrap(await join(helper, unwrap(await invite(admin, communityId, 'staff')).code))
    const before = JSON.stringify(communityDoc(communityId))
    expect(await community(helper, 'update', { communityId, wishClaimDays: 10 })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await community(admin, 'update', { communityId, wishClaimDays: 0 })).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { wishClaimDays: expect.any(String) } })
    expect(await community(admin, 'update', { communityId, dues: { adultFen: 2000, youthFen: 500 } })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await community(admin, 'update', { communityId })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(JSON.stringify(communityDoc(communityId))).toBe(before)
    const saved = unwrap(
      await community<SettingsView>(admin, 'update', { communityId, wishClaimDays: 3, checkInRadiusMeters: 200, aedInspectionCycle: 'weekly', address: '柯桥街道测试路1号', psychSupportContact: '心理援建热线 0575-12345678', leaderName: '陈国华' }),
    )
    expect(saved).toMatchObject({ wishClaimDays: 3, checkInRadiusMeters: 200, aedInspectionCycle: 'weekly', address: '柯桥街道测试路1号', leaderName: '陈国华', orgName: '' })
    expect(communityDoc(communityId)).toMatchObject({ wishClaimDays: 3, psychSupportContact: '心理援建热线 0575-12345678', certificateIssuer: { leaderName: '陈国华', orgName: '', sealFileId: null } })
  })
})

type Store = TestCloud['store']
type QueueCase = { add(store: Store, communityId: string, id: string): void; work(store: Store, id: string): void }

/** For each queue: an item that waits in it, and working it (the state the queue's own action leaves). */
const QUEUES: Record<Exclude<DashboardQueue, 'lessonDrafts'>, QueueCase> = {
  applications: {
    add: (s, communityId, _id) => s.insert('applications', [{ _id, openid: _id, communityId, status: 'pending', idHash: _id, submittedAt: new Date() }]),
    work: (s, _id) => s.update('applications', { _id }, { $set: { status: 'approved' } }),
  },
  volunteers: {
    // An outsider asking to serve here, beside the community's own registrations.
    add: (s, communityId, _id) => s.insert('volunteers', [{ _id, openid: _id, communityId: 'dadu', status: 'active', pendingIn: [communityId], registeredAt: new Date() }]),
    work: (s, _id) => s.update('volunteers', { _id }, { $set: { pendingIn: [] } }),
  },
  wishes: {
    add: (s, communityId, _id) => s.insert('wishes', [{ _id, communityId, status: 'pending_review', images: [], createdAt: new Date() }]),
    work: (s, _id) => s.update('wishes', { _id }, { $set: { status: 'open' } }),
  },
  wishHours: {
    add: (s, communityId, _id) => s.insert('wishes', [{ _id, communityId, status: 'completed', hoursStatus: 'pending', images: [], createdAt: new Date() }]),
    work: (s, _id) => s.update('wishes', { _id }, { $set: { hoursStatus: 'approved' } }),
  },
  rosters: {
    add: (s, communityId, _id) => s.insert('activitySignups', [{ _id, activityId: 'a', openid: _id, communityId, status: 'checked_out', confirmedAt: null, makeup: null, signedUpAt: new Date() }]),
    work: (s, _id) => s.update('activitySignups', { _id }, { $set: { confirmedAt: new Date() } }),
  },
  makeups: {
    add: (s, communityId, _id) => s.insert('activitySignups', [{ _id, activityId: 'a', openid: _id, communityId, status: 'signed_up', makeup: { status: 'pending' }, signedUpAt: new Date() }]),
    work: (s, _id) => s.update('activitySignups', { _id }, { $set: { 'makeup.status': 'rejected' } }),
  },
  aedReports: {
    add: (s, communityId, _id) => s.insert('aedReports', [{ _id, aedId: 'x', communityId, status: 'open', kind: 'fault', createdAt: new Date() }]),
    work: (s, _id) => s.update('aedReports', { _id }, { $set: { status: 'resolved' } }),
  },
  aedSuggestions: {
    add: (s, communityId, _id) => s.insert('aeds', [{ _id, communityId, verified: false, status: 'unknown', name: '建议', location: { type: 'Point', coordinates: [120.49, 30.07] } }]),
    work: (s, _id) => s.update('aeds', { _id }, { $set: { verified: true } }),
  },
  photos: {
    add: (s, communityId, _id) => s.insert('certificates', [{ _id, openid: _id, communityId, number: _id, photo: { fileID: `cloud://x/${_id}.jpg`, status: 'review', review: 'flagged' } }]),
    work: (s, _id) => s.update('certificates', { _id }, { $set: { 'photo.status': 'pass' } }),
  },
  certificates: {
    add: (s, communityId, _id) => s.insert('certificateRequests', [{ _id, openid: _id, communityId, status: 'pending', requestedAt: new Date() }]),
    work: (s, _id) => s.update('certificateRequests', { _id }, { $set: { status: 'issued' } }),
  },
  aid: {
    add: (s, communityId, _id) => s.insert('fundAid', [{ _id, applicantOpenid: _id, communityId, status: 'pending', createdAt: new Date() }]),
    // Approved still waits for the payment; paid is done.
    work: (s, _id) => s.update('fundAid', { _id }, { $set: { status: 'paid' } }),
  },
}

describe('工作台: every queue in one call', () => {
  test('every count moves when its queue gets an item and when the item is worked, and no other count does', async () => {
    const { communityId, admin } = await communityWithAdmin()
    const counts = async () => unwrap(await community<Dashboard>(admin, 'dashboard')).counts
    const zero = await counts()
    expect(Object.keys(zero).sort()).toEqual(Object.keys(QUEUES).sort())
    expect(Object.values(zero).every((n) => n === 0)).toBe(true)
    for (const [queue, { add, work }] of Object.entries(QUEUES)) {
      const id = uid(`q-${queue}`)
      add(cloud.store, communityId, id)
      expect({ queue, counts: await counts() }).toEqual({ queue, counts: { ...zero, [queue]: 1 } })
      work(cloud.store, id)
      expect({ queue, counts: await counts() }).toEqual({ queue, counts: zero })
    }
    // Another community's items are not this admin's.
    const elsewhere = newCommunity()
    QUEUES.applications.add(cloud.store, elsewhere, uid('q-else'))
    expect(await counts()).toEqual(zero)
  })

  test('the counts equal what the queues\' own pages list', async () => {
    const board = unwrap(await community<Dashboard>(STAFF, 'dashboard'))
    // The queues are short here: one page of 50 holds each whole (and says there is no more).
    const total = async (fn: string, event: Record<string, unknown>) => {
      const page = unwrap(await cloud.call<{ items: unknown[]; hasMore: boolean }>(fn, STAFF, { ...event, pageSize: 50 }))
      expect(page.hasMore).toBe(false)
      return page.items.length
    }
    expect(board.counts.applications).toBe(await total('member', { action: 'list', status: 'pending' }))
    expect(board.counts.volunteers).toBe(await total('volunteer', { action: 'list', status: 'pending' }))
    expect(board.counts.wishes).toBe(await total('wish', { action: 'reviewQueue' }))
    expect(board.counts.aid).toBe(await total('fund', { action: 'aidQueue' }))
    expect(board.counts.aedReports).toBe(await total('aed', { action: 'reports', status: 'open' }))
    // Lesson drafts are counted for editors only.
    expect(board.counts.lessonDrafts).toBeUndefined()
    expect(unwrap(await community<Dashboard>(ADMIN, 'dashboard')).counts.lessonDrafts).toBe(cloud.store.find('lessonVersions', { status: 'pending' }).length)
  })

  test('one call: at most one database request per queue, all counts side by side', async () => {
    unwrap(await community<Dashboard>(ADMIN, 'dashboard'))
    const usage = cloud.usage.invocations().filter((u) => u.functionName === 'community').at(-1)
    // The caller's record, their communities, then one count per queue (lesson drafts too, for this editor),
    // except photos: one count per place photos are kept.
    const counts = Object.keys(QUEUES).length + 1 - 1 + PHOTO_PLACES.length
    expect(usage?.requests).toBeLessThanOrEqual(2 + counts)
    expect(usage?.roundTrips).toBeLessThanOrEqual(3)
  })

  test('a resident has no 工作台', async () => {
    expect(await community('demo-resident', 'dashboard')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('functions read the settings, with the constants as defaults', () => {
  test('a claimed wish is due after the community\'s claim days', async () => {
    const [wish] = cloud.store.find('wishes', { communityId: 'dadu', status: 'open' }) as Array<{ _id: string }>
    unwrap(await community(ADMIN, 'update', { communityId: 'dadu', wishClaimDays: 3 }))
    try {
      const claimed = unwrap(await cloud.call<{ claimDeadline: string }>('wish', 'demo-volunteer', { action: 'claim', wishId: wish._id }))
      const days = (new Date(claimed.claimDeadline).getTime() - Date.now()) / 86_400_000
      expect(days).toBeGreaterThan(2.99)
      expect(days).toBeLessThan(3.01)
    } finally {
      unwrap(await community(ADMIN, 'update', { communityId: 'dadu', wishClaimDays: 7 }))
    }
  })

  test('a new activity without a radius takes the community\'s check-in radius; an edit without one keeps it', async () => {
    const { communityId, admin } = await communityWithAdmin()
    const at = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString()
    const activity = { title: '社区义诊志愿服务', type: 'clinic', description: '协助医生为老人量血压、测血糖，维持现场秩序。', location: { latitude: 30.07, longitude: 120.49, address: '社区服务中心' }, startAt: at(60), endAt: at(180), signupDeadline: at(30), capacity: 10, hours: 2 }
    expect(unwrap(await cloud.call<{ checkInRadiusMeters: number }>('activity', admin, { action: 'create', communityId, ...activity })).checkInRadiusMeters).toBe(300)
    unwrap(await community(admin, 'update', { communityId, checkInRadiusMeters: 150 }))
    const created = unwrap(await cloud.call<{ _id: string; checkInRadiusMeters: number }>('activity', admin, { action: 'create', communityId, ...activity }))
    expect(created.checkInRadiusMeters).toBe(150)
    const edited = unwrap(await cloud.call<{ checkInRadiusMeters: number }>('activity', admin, { action: 'update', activityId: created._id, ...activity, capacity: 12 }))
    expect(edited.checkInRadiusMeters).toBe(150)
  })
})
