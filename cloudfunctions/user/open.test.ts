import type { CommunityHome } from '@/domain/community/home'
import type { NotifyApi } from '@/domain/notify/contract'
import type { Opening } from '@/domain/user/contract'
import { runJob } from '../../localcloud/jobs-testing'
import { startTestCloud, unwrap, type TestCloud } from '../../localcloud/testing'
import { statsJob } from '../scheduler/jobs/stats'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
  // The figures' document the home section reads, as the stats job keeps it.
  await runJob(statsJob)
  const at = new Date()
  cloud.store.insert('inbox', [0, 1, 2].map((i) => ({ _id: `op-msg-${i}`, openid: 'demo-volunteer', kind: 'wish_update', title: '心愿有新进展', body: '您认领的心愿有新进展', page: 'packages/wish/pages/detail/index?id=w1', read: i === 2, createdAt: at })))
})
afterAll(() => cloud.stop())

const open = (openid: string, input: Record<string, unknown> = {}) => cloud.call<Opening>('user', openid, { action: 'open', ...input })
type Templates = NotifyApi['templates']['output']

describe('user.open: the one call of an app open (#25)', () => {
  test('answers what user.me, community.home and notify.unread answer, in one invocation', async () => {
    const opening = unwrap(await open('demo-volunteer'))
    expect(opening.me).toEqual(unwrap(await cloud.call('user', 'demo-volunteer', { action: 'me' })))
    expect(opening.home).toEqual(unwrap(await cloud.call<CommunityHome>('community', 'demo-volunteer', { action: 'home', communityId: 'dadu' })))
    expect(opening.unread).toBe(2)
    expect(opening.unread).toEqual(unwrap(await cloud.call<{ unread: number }>('notify', 'demo-volunteer', { action: 'unread' })).unread)
  })

  test('brings the subscribe templates only when the device asks for them', async () => {
    expect(unwrap(await open('demo-volunteer')).templates).toBeNull()
    const { templates } = unwrap(await open('demo-volunteer', { templates: true }))
    expect(templates).toEqual(unwrap(await cloud.call<Templates>('notify', 'demo-volunteer', { action: 'templates' })).items)
    expect(templates?.length).toBeGreaterThan(0)
  })

  test('staff without a home community see the first community they work for; someone with none sees no live section', async () => {
    cloud.store.insert('users', [
      { _id: 'op-staff', displayName: '工作人员', roles: ['staff'], homeCommunityId: null, staffCommunityIds: ['gangyue'], createdAt: new Date() },
      { _id: 'op-district', displayName: '区红会', roles: ['district'], homeCommunityId: null, staffCommunityIds: [], districts: ['柯桥区'], createdAt: new Date() },
    ])
    expect(unwrap(await open('op-staff')).home?.communityId).toBe('gangyue')
    expect(unwrap(await open('op-district')).home).toBeNull()
  })

  test('a first-time caller gets a resident record and an empty badge', async () => {
    const opening = unwrap(await open('op-newcomer'))
    expect(opening.me.roles).toEqual(['resident'])
    expect(opening.unread).toBe(0)
    expect(opening.home).toBeNull()
    expect(cloud.docs('users').filter((u) => u._id === 'op-newcomer')).toHaveLength(1)
  })

  test('bad input changes nothing', async () => {
    expect(await open('op-bad-input', { templates: 'yes' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(cloud.docs('users').some((u) => u._id === 'op-bad-input')).toBe(false)
  })

  test('within the per-action targets: two round trips, six requests with the templates (≤ 4 and ≤ 8)', async () => {
    cloud.usage.reset()
    await open('demo-volunteer', { templates: true })
    await open('demo-volunteer')
    const [withTemplates, without] = cloud.usage.invocations().filter((u) => u.functionName === 'user')
    // The caller's record; then side by side: their communities' names, the figures' document, the open wishes, the unread count (and their 消息设置).
    expect(withTemplates).toMatchObject({ requests: 6, roundTrips: 2 })
    expect(without).toMatchObject({ requests: 5, roundTrips: 2 })
  })
})
