import type { Me } from '@/domain/user/contract'
import { startTestCloud, type TestCloud } from '../../localcloud/testing'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
})
afterAll(() => cloud.stop())

const me = (openid: string) => cloud.call<Me>('user', openid, { action: 'me' })

describe('user.me', () => {
  test.each([
    ['demo-resident', ['resident'], ['yulan']],
    ['demo-volunteer', ['resident', 'volunteer'], ['dadu']],
    ['demo-member', ['resident', 'member'], ['gangyue']],
    ['demo-staff', ['resident', 'staff'], ['yulan', 'gangyue', 'dadu']],
  ])('%s has roles %j in communities %j', async (openid, roles, communityIds) => {
    const result = await me(openid)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.data.userId).toBe(openid)
    expect(result.data.roles).toEqual(roles)
    expect(result.data.communities.map((c) => c._id)).toEqual(communityIds)
    expect(result.data.communities.every((c) => typeof c.name === 'string' && c.name.endsWith('社区'))).toBe(true)
  })

  test('staff see which communities they act for', async () => {
    const result = await me('demo-staff')
    expect(result.ok && result.data.staffCommunityIds.sort()).toEqual(['dadu', 'gangyue', 'yulan'])
  })

  test('a first-time caller gets a resident record, created once and kept', async () => {
    const before = cloud.docs('users').length
    const first = await me('wx-first-timer')
    const second = await me('wx-first-timer')
    expect(first).toEqual(second)
    expect(first.ok && first.data.roles).toEqual(['resident'])
    expect(cloud.docs('users')).toHaveLength(before + 1)
  })

  test('first calls racing each other still create one record', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => me('wx-racer')))
    expect(results.every((r) => r.ok)).toBe(true)
    expect(cloud.docs('users').filter((u) => u._id === 'wx-racer')).toHaveLength(1)
  })

  test('without an OPENID the caller is UNAUTHENTICATED and nothing is written', async () => {
    const before = cloud.docs('users').length
    const result = await me('')
    expect(result).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    expect(cloud.docs('users')).toHaveLength(before)
  })

  test('identity comes from the WeChat context, never the body', async () => {
    const result = await cloud.call<Me>('user', 'demo-resident', { action: 'me', userId: 'demo-staff', openid: 'demo-staff', userInfo: { openId: 'demo-staff' } })
    expect(result.ok && result.data.userId).toBe('demo-resident')
  })
})

test('user.communities lists the three stations for anyone', async () => {
  const result = await cloud.call<Array<{ _id: string; name: string }>>('user', 'wx-anyone', { action: 'communities' })
  expect(result.ok && result.data.map((c) => c.name).sort()).toEqual(['大渡社区', '港越社区', '玉兰社区'].sort())
})
