import type { AedDetail, NearbyAed } from '@/domain/aed/contract'
import { startTestCloud, unwrap, type TestCloud } from '../../localcloud/testing'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
})
afterAll(() => cloud.stop())

const nearby = (latitude: number, longitude: number, extra: Record<string, unknown> = {}) =>
  cloud.call<{ items: NearbyAed[] }>('aed', 'demo-resident', { action: 'nearby', latitude, longitude, ...extra })

/** An independent haversine (mean earth radius), to check the function's distances and order. */
function expectedMeters(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const toRad = (d: number) => (d * Math.PI) / 180
  const a = Math.sin(toRad(lat2 - lat1) / 2) ** 2 + Math.cos(toRad(lat1)) * Math.cos(toRad(lat2)) * Math.sin(toRad(lng2 - lng1) / 2) ** 2
  return 6_371_008.8 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a))
}

describe('nearby', () => {
  test('for random points the nearest AEDs come back in order with correct distances', async () => {
    const verified = cloud.docs('aeds').filter((a) => a.verified) as unknown as Array<{ _id: string; location: { coordinates: [number, number] } }>
    let seed = 7
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647)
    for (let i = 0; i < 25; i++) {
      const lat = 30.05 + rand() * 0.05
      const lng = 120.47 + rand() * 0.05
      const { items } = unwrap(await nearby(lat, lng, { radiusMeters: 50_000, limit: 10 }))
      const expected = verified
        .map((a) => ({ id: a._id, meters: expectedMeters(lat, lng, a.location.coordinates[1], a.location.coordinates[0]) }))
        .sort((a, b) => a.meters - b.meters)
        .slice(0, 10)
      expect(items.map((a) => a._id)).toEqual(expected.map((a) => a.id))
      items.forEach((item, k) => expect(Math.abs(item.distanceMeters - expected[k].meters)).toBeLessThanOrEqual(1))
    }
  })

  test('the radius is respected and the limit caps the list', async () => {
    const { items } = unwrap(await nearby(30.0656, 120.5068, { radiusMeters: 500, limit: 50 }))
    expect(items.length).toBeGreaterThan(0)
    expect(items.every((a) => a.distanceMeters <= 500)).toBe(true)
    expect(unwrap(await nearby(30.0656, 120.5068, { radiusMeters: 50_000, limit: 3 })).items).toHaveLength(3)
  })

  test.each([
    ['latitude 91', { latitude: 91 }, 'latitude'],
    ['latitude -90.1', { latitude: -90.1 }, 'latitude'],
    ['longitude 180.5', { longitude: 180.5 }, 'longitude'],
    ['longitude as text', { longitude: '120.5' }, 'longitude'],
    ['radius over 50 km', { radiusMeters: 50_001 }, 'radiusMeters'],
    ['limit over 50', { limit: 51 }, 'limit'],
  ])('%s → INVALID_INPUT', async (_label, change, field) => {
    const result = await cloud.call('aed', 'demo-resident', { action: 'nearby', latitude: 30.06, longitude: 120.5, ...change })
    expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(!result.ok && result.fields).toHaveProperty(field)
  })
})

describe('reports and inspections', () => {
  const aedId = 'aed-dadu-3'

  test('a fault report flags the AED 待核实 and tells its keepers; an inspection that finds it fine clears it', async () => {
    const before = cloud.docs('inbox').filter((m) => m.openid === 'demo-staff').length
    unwrap(await cloud.call('aed', 'demo-resident', { action: 'report', aedId, kind: 'fault', note: '按了开关没反应' }))
    const flagged = unwrap(await cloud.call<AedDetail>('aed', 'demo-resident', { action: 'get', aedId }))
    expect(flagged).toMatchObject({ status: 'maintenance', openReports: 1 })
    expect(flagged.warnings).toContain('unverified')
    expect(cloud.docs('inbox').filter((m) => m.openid === 'demo-staff').length).toBe(before + 1)

    const inspection = { action: 'inspect', aedId, date: '2026-11-23', result: 'ok', padsExpiry: '2028-01-01', batteryExpiry: '2029-01-01' }
    expect(await cloud.call('aed', 'demo-resident', inspection)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const cleared = unwrap(await cloud.call<AedDetail>('aed', 'demo-staff', inspection))
    expect(cleared.status).toBe('available')
    expect(cleared.warnings).not.toContain('unverified')
  })

  test('a "not found" report does not take the AED out of service', async () => {
    unwrap(await cloud.call('aed', 'demo-resident', { action: 'report', aedId: 'aed-dadu-4', kind: 'missing' }))
    expect(unwrap(await cloud.call<AedDetail>('aed', 'demo-resident', { action: 'get', aedId: 'aed-dadu-4' })).status).toBe('available')
  })

  test('an unknown report kind is refused and nothing is written', async () => {
    const before = cloud.docs('aedReports').length
    expect(await cloud.call('aed', 'demo-resident', { action: 'report', aedId, kind: 'stolen' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(cloud.docs('aedReports')).toHaveLength(before)
  })
})

describe('suggestions', () => {
  test('stay invisible until staff verify them', async () => {
    const { aedId } = unwrap(await cloud.call<{ aedId: string }>('aed', 'demo-resident', { action: 'suggest', name: '新开的药店', latitude: 30.0661, longitude: 120.5071, address: '大渡路88号药店', landmark: '收银台后面' }))
    const ids = async () => unwrap(await nearby(30.0661, 120.5071, { limit: 50 })).items.map((a) => a._id)
    expect(await ids()).not.toContain(aedId)
    expect(await cloud.call('aed', 'demo-volunteer', { action: 'get', aedId })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await cloud.call('aed', 'demo-volunteer', { action: 'verify', aedId })).toMatchObject({ ok: false, code: 'FORBIDDEN' })

    const managed = unwrap(await cloud.call<{ items: AedDetail[] }>('aed', 'demo-staff', { action: 'manageList', communityId: 'dadu', pageSize: 50 }))
    expect(managed.items[0]).toMatchObject({ _id: aedId, verified: false })
    expect(unwrap(await cloud.call<AedDetail>('aed', 'demo-staff', { action: 'verify', aedId })).verified).toBe(true)
    expect(await ids()).toContain(aedId)
  })
})

describe('reminders', () => {
  test('the daily timer tells keepers about expiring supplies, once a day', async () => {
    expect(await cloud.call('aedTimer', 'demo-resident', {})).toEqual({ ok: false })
    const first = (await cloud.functions.invoke('aedTimer', { Type: 'Timer' }, '')) as { ok: boolean; reminded: number }
    expect(first.ok).toBe(true)
    expect(first.reminded).toBeGreaterThan(0)
    const messages = cloud.docs('inbox').filter((m) => m.openid === 'demo-staff' && String(m.body).includes('电极片已过期'))
    expect(messages.length).toBeGreaterThan(0)
    const again = (await cloud.functions.invoke('aedTimer', { Type: 'Timer' }, '')) as { reminded: number }
    expect(again.reminded).toBe(0)
  })
})

describe('staff manage AEDs', () => {
  const aed = {
    action: 'save',
    name: '大渡社区卫生服务站',
    communityId: 'dadu',
    latitude: 30.0662,
    longitude: 120.5101,
    address: '绍兴市柯桥区大渡路12号',
    landmark: '一楼药房旁',
    placement: 'indoor',
    floor: '1楼',
    hours: { always: false, weekly: { mon: [['08:00', '17:00']], sat: [['08:00', '12:00']] } },
    padsExpiry: '2028-06-01',
    batteryExpiry: '2029-06-01',
  }

  test('staff of the community add one; it is public at once and can be corrected', async () => {
    const created = unwrap(await cloud.call<AedDetail>('aed', 'demo-staff', aed))
    expect(created).toMatchObject({ verified: true, status: 'available', hours: '周一 08:00-17:00；周六 08:00-12:00', canManage: true })
    const near = unwrap(await nearby(30.0662, 120.5101, { limit: 1 }))
    expect(near.items[0]._id).toBe(created._id)
    const edited = unwrap(await cloud.call<AedDetail>('aed', 'demo-staff', { ...aed, aedId: created._id, landmark: '二楼护士站', floor: '2楼', hours: { always: true } }))
    expect(edited).toMatchObject({ _id: created._id, landmark: '二楼护士站', hours: '24小时开放' })
  })

  test('an edit that takes a day out of the week closes it, keeps the guardian, and gives the form the stored hours', async () => {
    const created = unwrap(await cloud.call<AedDetail>('aed', 'demo-staff', { ...aed, guardianOpenid: 'demo-volunteer' }))
    const weekdaysOnly = { always: false, weekly: { mon: [['08:00', '17:00']] } }
    const edited = unwrap(await cloud.call<AedDetail>('aed', 'demo-staff', { ...aed, aedId: created._id, hours: weekdaysOnly }))
    expect(edited.hours).toBe('周一 08:00-17:00')
    expect(edited.openingHours).toEqual(weekdaysOnly)
    expect(cloud.store.find('aeds', { _id: created._id })[0]).toMatchObject({ hours: weekdaysOnly, guardianOpenid: 'demo-volunteer' })
    // Back and forth between around-the-clock and weekly hours leaves nothing of the other behind.
    unwrap(await cloud.call('aed', 'demo-staff', { ...aed, aedId: created._id, hours: { always: true } }))
    expect(cloud.store.find('aeds', { _id: created._id })[0].hours).toEqual({ always: true })
    // The guardian looks after it still: they see its reports.
    expect(unwrap(await cloud.call<AedDetail>('aed', 'demo-volunteer', { action: 'get', aedId: created._id })).canManage).toBe(true)
  })

  test('others may not, and bad hours are refused', async () => {
    const before = cloud.docs('aeds').length
    expect(await cloud.call('aed', 'demo-volunteer', aed)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    cloud.store.insert('users', [{ _id: 'staff-yl-only', displayName: '玉兰工作人员', roles: ['staff'], homeCommunityId: 'yulan', staffCommunityIds: ['yulan'], createdAt: new Date() }])
    expect(await cloud.call('aed', 'staff-yl-only', aed)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await cloud.call('aed', 'demo-staff', { ...aed, hours: { always: false, weekly: { mon: [['8:00', '25:00']] } } })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(cloud.docs('aeds')).toHaveLength(before)
  })
})
