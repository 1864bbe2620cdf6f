import type { Me } from '@/domain/user/contract'
import { uploadFolderOf } from '../_kit/uploads'
import { wxServerSdk } from '../../localcloud/backend/install'
import { startTestCloud, unwrap, type TestCloud } from '../../localcloud/testing'

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
    ['demo-staff', ['resident', 'staff', 'editor'], ['yulan', 'gangyue', 'dadu']],
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

describe('注销 (account deletion)', () => {
  test('erases the application, profile, messages and record; wishes stay without name or phone; the open ones are withdrawn', async () => {
    const who = 'u-leaving'
    unwrap(await cloud.call('member', who, {
      action: 'apply', name: '赵离开', idNumber: '33060219900101271X', phone: '13957501234',
      communityId: 'yulan', address: '柯桥街道玉兰花园1幢', consent: true, idConsent: true,
    }))
    unwrap(await cloud.call('volunteer', who, { action: 'register', name: '赵离开', phone: '13957501234', communityId: 'yulan', birthYear: 1980, skills: ['维修'], availability: ['sat-am'] }))
    const wish = unwrap(await cloud.call<{ _id: string }>('wish', who, {
      action: 'create', title: '帮忙换楼道灯泡', content: '3幢2单元楼道的灯坏了一个星期，晚上下楼很不方便。', category: '生活帮扶', communityId: 'yulan', contactPhone: '13957501234',
    }))
    expect(await cloud.call('user', who, { action: 'deleteAccount' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })

    const results = await Promise.all([1, 2].map(() => cloud.call('user', who, { action: 'deleteAccount', confirm: true })))
    expect(results.every((r) => r.ok)).toBe(true)
    const everything = JSON.stringify(cloud.store.collectionNames().map((name) => cloud.docs(name)))
    expect(everything).not.toContain('13957501234')
    expect(everything).not.toContain('赵离开')
    // What stays of the record is the tombstone (no name, no roles) until the scheduler's last sweep.
    expect(cloud.store.find('users', { _id: who })[0]).toMatchObject({ displayName: '已注销用户', roles: [], erasing: expect.any(Object) })
    expect(cloud.store.find('wishes', { _id: wish._id })[0]).toMatchObject({ status: 'cancelled', ownerName: '已注销用户', contactPhone: '' })
  })
})

describe('user.updateProfile', () => {
  const update = (openid: string, change: Record<string, unknown>) => cloud.call<Me>('user', openid, { action: 'updateProfile', ...change })
  const upload = (openid: string, name: string) =>
    (wxServerSdk() as { uploadFile(p: object): Promise<{ fileID: string }> }).uploadFile({ cloudPath: `${uploadFolderOf(openid)}/avatars/${name}`, fileContent: Buffer.from('jpeg') })
  const userDoc = (openid: string) => cloud.store.find('users', { _id: openid })[0]

  test('a new person sets a nickname and home community, and is no longer 居民XXXX in no community', async () => {
    const first = unwrap(await me('p-newcomer'))
    expect(first).toMatchObject({ displayName: '居民OMER', homeCommunityId: null, communities: [], avatarUrl: null })
    const saved = unwrap(await update('p-newcomer', { displayName: '老周', homeCommunityId: 'yulan' }))
    expect(saved).toMatchObject({ displayName: '老周', homeCommunityId: 'yulan', communities: [{ _id: 'yulan', name: '玉兰社区' }] })
    expect(unwrap(await me('p-newcomer'))).toMatchObject({ displayName: '老周', homeCommunityId: 'yulan' })
    // The same again (a retried request) changes nothing more.
    expect(unwrap(await update('p-newcomer', { displayName: '老周', homeCommunityId: 'yulan' }))).toMatchObject({ displayName: '老周' })
  })

  test('a new nickname reaches the wishes the person posted, so they go by one name everywhere', async () => {
    const wish = (openid: string, fields: Record<string, unknown>) => cloud.call<{ _id: string }>('wish', openid, fields)
    unwrap(await update('p-renamer', { displayName: '小周', homeCommunityId: 'dadu' }))
    const posted = unwrap(await wish('p-renamer', { action: 'create', title: '帮忙取一下快递', content: '腿脚不方便，快递放在小区门口驿站，想请志愿者帮忙取回来。', category: '生活帮扶', communityId: 'dadu', contactPhone: '13957500088' }))
    const other = unwrap(await wish('p-neighbour', { action: 'create', title: '帮忙换个灯泡', content: '厨房的灯泡坏了，够不着，想请志愿者帮忙换一下。', category: '生活帮扶', communityId: 'dadu', contactPhone: '13957500089' }))
    unwrap(await update('p-renamer', { displayName: '周阿姨' }))
    const doc = (id: string) => cloud.store.find('wishes', { _id: id })[0]
    expect(doc(posted._id)).toMatchObject({ ownerName: '周阿姨' })
    expect(doc(other._id)).toMatchObject({ ownerName: expect.not.stringContaining('周阿姨') })
  })

  test('bad input, an unknown community or a nickname the check refuses change nothing', async () => {
    unwrap(await update('p-careful', { displayName: '小陈' }))
    const before = JSON.stringify(userDoc('p-careful'))
    expect(await update('p-careful', {})).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await update('p-careful', { displayName: '' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await update('p-careful', { displayName: '一二三四五六七八九十一二三四五六七八九十一' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await update('p-careful', { homeCommunityId: '' })).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { homeCommunityId: '请选择社区' } })
    expect(await update('p-careful', { homeCommunityId: 'atlantis' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await update('p-careful', { displayName: '赌博高手', homeCommunityId: 'dadu' })).toMatchObject({ ok: false, code: 'CONTENT_REJECTED' })
    expect(JSON.stringify(userDoc('p-careful'))).toBe(before)
  })

  test('the avatar is the person\'s own upload and shows once its photo check passes', async () => {
    const theirs = await upload('p-other', 'face.jpg')
    expect(await update('p-avatar', { avatar: theirs.fileID })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    const own = await upload('p-avatar', 'me.jpg')
    expect(unwrap(await update('p-avatar', { avatar: own.fileID }))).toMatchObject({ avatarUrl: null, avatarChecking: true })
    for (let waited = 0; (userDoc('p-avatar').photo as { status: string }).status === 'checking' && waited < 3000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    expect(unwrap(await me('p-avatar'))).toMatchObject({ avatarUrl: expect.stringMatching(/\/avatars\/me\.jpg\?sign=\w+&t=\d+$/), avatarChecking: false })
    const risky = await upload('p-avatar', 'risky.jpg')
    unwrap(await update('p-avatar', { avatar: risky.fileID }))
    for (let waited = 0; (userDoc('p-avatar').photo as { status: string }).status === 'checking' && waited < 3000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    expect(unwrap(await me('p-avatar'))).toMatchObject({ avatarUrl: null, avatarChecking: false })
  })
})
