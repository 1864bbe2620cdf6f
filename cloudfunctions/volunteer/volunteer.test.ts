import { todayInChina } from '@/domain/dates'
import type { Page } from '@/domain/contract'
import type { Me } from '@/domain/user/contract'
import type { VolunteerProfile } from '@/domain/volunteer/contract'
import { startTestCloud, unwrap, type TestCloud } from '../../localcloud/testing'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
})
afterAll(() => cloud.stop())


const registration = (overrides: Record<string, unknown> = {}) => ({
  action: 'register',
  name: '周敏',
  phone: '13857500009',
  communityId: 'dadu',
  birthYear: 1980,
  skills: ['陪伴聊天', '辅导'],
  availability: ['sat-am', 'sun-pm'],
  ...overrides,
})
const register = (openid: string, overrides: Record<string, unknown> = {}) => cloud.call<VolunteerProfile>('volunteer', openid, registration(overrides))
const rolesOf = async (openid: string) => unwrap(await cloud.call<Me>('user', openid, { action: 'me' })).roles

test('in a community without approval a resident is a volunteer at once', async () => {
  const profile = unwrap(await register('v-amy'))
  expect(profile).toMatchObject({ status: 'active', communityName: '大渡社区', hours: 0, points: 0, phone: '13857500009' })
  expect(await rolesOf('v-amy')).toContain('volunteer')
  expect(await register('v-amy')).toMatchObject({ ok: false, code: 'CONFLICT' })
})

test('where the community asks for it, staff approve first', async () => {
  const profile = unwrap(await register('v-ben', { communityId: 'gangyue' }))
  expect(profile.status).toBe('pending')
  expect(await rolesOf('v-ben')).not.toContain('volunteer')

  const queue = unwrap(await cloud.call<Page<VolunteerProfile>>('volunteer', 'demo-staff', { action: 'list', status: 'pending' }))
  expect(queue.items.map((v) => [v._id, v.phone])).toContainEqual([profile._id, '138****0009'])

  expect(await cloud.call('volunteer', 'demo-volunteer', { action: 'review', volunteerId: profile._id, decision: 'approve' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(unwrap(await cloud.call<VolunteerProfile>('volunteer', 'demo-staff', { action: 'review', volunteerId: profile._id, decision: 'approve' })).status).toBe('active')
  expect(await rolesOf('v-ben')).toContain('volunteer')
  // Approving again (a retry) answers the same and tells nobody twice; rejecting now is refused.
  expect(unwrap(await cloud.call<VolunteerProfile>('volunteer', 'demo-staff', { action: 'review', volunteerId: profile._id, decision: 'approve' })).status).toBe('active')
  expect(await cloud.call('volunteer', 'demo-staff', { action: 'review', volunteerId: profile._id, decision: 'reject', reason: '重复' })).toMatchObject({ ok: false, code: 'CONFLICT' })
  expect(cloud.docs('inbox').filter((m) => m.openid === 'v-ben' && m.kind === 'volunteer_review')).toHaveLength(1)
})

test('someone turned down may register again', async () => {
  const first = unwrap(await register('v-cai', { communityId: 'gangyue' }))
  unwrap(await cloud.call('volunteer', 'demo-staff', { action: 'review', volunteerId: first._id, decision: 'reject', reason: '请补充服务时间' }))
  expect(unwrap(await cloud.call<{ profile: VolunteerProfile }>('volunteer', 'v-cai', { action: 'mine' })).profile).toMatchObject({ status: 'rejected', rejectReason: '请补充服务时间' })
  const again = unwrap(await register('v-cai', { communityId: 'gangyue', availability: ['mon-am', 'tue-am'] }))
  expect(again).toMatchObject({ _id: first._id, status: 'pending', rejectReason: null })
})

test('撤回: a waiting registration is taken back once by its owner, leaves the queue and may be made again; a decided one stays', async () => {
  const withdraw = (openid: string) => cloud.call<VolunteerProfile>('volunteer', openid, { action: 'withdraw', confirm: true })
  const pendingIds = async () => unwrap(await cloud.call<Page<VolunteerProfile>>('volunteer', 'demo-staff', { action: 'list', status: 'pending', pageSize: 50 })).items.map((v) => v._id)
  const first = unwrap(await register('v-dai', { communityId: 'gangyue' }))
  expect(await pendingIds()).toContain(first._id)
  expect(await cloud.call('volunteer', 'v-dai', { action: 'withdraw' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })

  const answers = await Promise.all(Array.from({ length: 10 }, () => withdraw('v-dai')))
  expect(answers.every((a) => a.ok)).toBe(true)
  expect(unwrap(answers[0]).status).toBe('withdrawn')
  expect(await pendingIds()).not.toContain(first._id)
  // Staff cannot decide it any more.
  expect(await cloud.call('volunteer', 'demo-staff', { action: 'review', volunteerId: first._id, decision: 'approve' })).toMatchObject({ ok: false, code: 'CONFLICT' })
  expect(await rolesOf('v-dai')).not.toContain('volunteer')
  expect(cloud.docs('auditLog').filter((e) => e.target === first._id)).toEqual([])

  const again = unwrap(await register('v-dai', { communityId: 'gangyue' }))
  expect(again).toMatchObject({ _id: first._id, status: 'pending' })
  unwrap(await cloud.call('volunteer', 'demo-staff', { action: 'review', volunteerId: first._id, decision: 'approve' }))
  const before = JSON.stringify(cloud.docs('volunteers'))
  expect(await withdraw('v-dai')).toMatchObject({ ok: false, code: 'CONFLICT' })
  expect(JSON.stringify(cloud.docs('volunteers'))).toBe(before)
  expect(await withdraw('v-nobody')).toMatchObject({ ok: false, code: 'NOT_FOUND' })
})

test('a volunteer updates their profile; mine shows hours and points', async () => {
  const updated = unwrap(await cloud.call<VolunteerProfile>('volunteer', 'v-amy', { action: 'update', skills: ['维修'], intro: '会修自行车' }))
  expect(updated).toMatchObject({ skills: ['维修'], intro: '会修自行车', availability: ['sat-am', 'sun-pm'] })
  expect(unwrap(await cloud.call<{ profile: VolunteerProfile }>('volunteer', 'demo-volunteer', { action: 'mine' })).profile).toMatchObject({ hours: 36, points: 360 })
  expect(await cloud.call('volunteer', 'v-nobody', { action: 'update', intro: 'x' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
})

test.each([
  ['no skills', { skills: [] }, 'skills'],
  ['unknown skill', { skills: ['跳伞'] }, 'skills'],
  ['unknown slot', { availability: ['someday'] }, 'availability'],
  ['phone', { phone: '12345' }, 'phone'],
  ['community', { communityId: 'nowhere' }, 'communityId'],
])('invalid %s → INVALID_INPUT, nothing written', async (_label, overrides, field) => {
  const before = JSON.stringify([cloud.docs('volunteers'), cloud.docs('users')])
  const result = await register('v-bad', overrides)
  expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect(!result.ok && result.fields).toHaveProperty(field)
  expect(JSON.stringify([cloud.docs('volunteers'), cloud.docs('users')])).toBe(before)
})

test('only staff list and review, and only in their communities', async () => {
  for (const openid of ['demo-resident', 'demo-volunteer', 'demo-member']) {
    expect(await cloud.call('volunteer', openid, { action: 'list' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  }
})

test('a registration cut off before the role was granted is finished when the person tries again', async () => {
  unwrap(await register('v-cut', { communityId: 'dadu' }))
  // The state the first step leaves when the function stops before granting the role.
  cloud.store.update('users', { _id: 'v-cut' }, { $set: { roles: [] } })
  expect(await register('v-cut', { communityId: 'dadu' })).toMatchObject({ ok: false, code: 'CONFLICT' })
  expect(await rolesOf('v-cut')).toContain('volunteer')
})

// 《民法典》第十九条 (a minor acts with the guardian's consent); 《志愿服务条例》2017 第十五条 (tasks fit the age).
test('under 18: registration needs the guardian name, phone and consent; risky activities and those marked unfit for minors are closed to them', async () => {
  const year = Number(todayInChina().slice(0, 4))
  const missing = await register('vt-minor', { birthYear: year - 15 })
  expect(missing).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { guardian: expect.stringContaining('监护人') } })
  expect(await register('vt-minor', { birthYear: year - 15, guardian: { name: '周父', phone: '13857500010', consent: false } })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect(cloud.docs('volunteers').filter((d) => d.openid === 'vt-minor')).toEqual([])
  const minor = unwrap(await register('vt-minor', { birthYear: year - 15, guardian: { name: '周父', phone: '13857500010', consent: true } }))
  expect(minor).toMatchObject({ birthYear: year - 15, guardian: { name: '周父', phone: '13857500010' } })
  expect(await register('vt-noyear', { birthYear: undefined })).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { birthYear: expect.any(String) } })

  const start = new Date(Date.now() + 3 * 3600_000)
  const china = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
  const flood = unwrap(await cloud.call<{ _id: string }>('activity', 'demo-staff', {
    action: 'create', title: '防汛值守', type: 'flood_watch', description: '汛期夜间巡查低洼地段积水。', communityId: 'dadu',
    location: { latitude: 30.0656, longitude: 120.5068, address: '大渡社区沿河步道' },
    startAt: start.toISOString(), endAt: new Date(start.getTime() + 2 * 3600_000).toISOString(), signupDeadline: new Date(start.getTime() - 3600_000).toISOString(),
    capacity: 5, hours: 2, insurance: { insurer: '某保险公司', policyNo: 'PA-2026-002', from: china(start), to: china(new Date(start.getTime() + 2 * 3600_000)) },
  }))
  expect(await cloud.call('activity', 'vt-minor', { action: 'signup', activityId: flood._id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  unwrap(await register('vt-adult', { birthYear: year - 30 }))
  expect(await cloud.call('activity', 'vt-adult', { action: 'signup', activityId: flood._id })).toMatchObject({ ok: true })

  // Any other activity the organiser marks unfit for minors is closed to them too; an unmarked one is open.
  const clinic = (adultsOnly: boolean) => cloud.call<{ _id: string; requirements: { adultsOnly: boolean } }>('activity', 'demo-staff', {
    action: 'create', title: adultsOnly ? '夜间义诊' : '周末义诊', type: 'clinic', description: '协助医生为老人量血压、测血糖。', communityId: 'dadu',
    location: { latitude: 30.0656, longitude: 120.5068, address: '大渡社区卫生服务站' },
    startAt: start.toISOString(), endAt: new Date(start.getTime() + 2 * 3600_000).toISOString(), signupDeadline: new Date(start.getTime() - 3600_000).toISOString(),
    capacity: 5, hours: 2, adultsOnly,
  })
  const night = unwrap(await clinic(true))
  expect(night.requirements.adultsOnly).toBe(true)
  expect(await cloud.call('activity', 'vt-minor', { action: 'signup', activityId: night._id })).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringContaining('不适合未成年人') })
  expect(cloud.docs('activitySignups').filter((s) => s.activityId === night._id)).toEqual([])
  expect(await cloud.call('activity', 'vt-adult', { action: 'signup', activityId: night._id })).toMatchObject({ ok: true })
  const weekend = unwrap(await clinic(false))
  expect(weekend.requirements.adultsOnly).toBe(false)
  expect(await cloud.call('activity', 'vt-minor', { action: 'signup', activityId: weekend._id })).toMatchObject({ ok: true })
})
