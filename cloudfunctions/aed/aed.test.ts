import dayjs from 'dayjs'
import type { AedDetail, AedReport, MySuggestion, NearbyAed } from '@/domain/aed/contract'
import type { OpeningHours } from '@/domain/aed/hours'
import { forRescue } from '@/domain/aed/readiness'
import { todayInChina } from '@/domain/dates'
import { wxServerSdk } from '../../localcloud/backend/install'
import { startTestCloud, unwrap, type TestCloud } from '../../localcloud/testing'
import { uploadFolderOf } from '../_kit/uploads'
import { aedJob } from '../scheduler/jobs/aed'
import { runJob } from '../../localcloud/jobs-testing'

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

  test('words narrow the nearest AEDs to those whose name has them, nearest first still', async () => {
    const { items } = unwrap(await nearby(30.0656, 120.5068, { radiusMeters: 50_000, limit: 50, keyword: '菜市场' }))
    expect(items.map((a) => a.name)).toEqual(expect.arrayContaining(['大渡菜市场']))
    expect(items.every((a) => a.name.includes('菜市场'))).toBe(true)
    expect(items.map((a) => a.distanceMeters)).toEqual([...items.map((a) => a.distanceMeters)].sort((x, y) => x - y))
    expect(unwrap(await nearby(30.0656, 120.5068, { radiusMeters: 50_000, keyword: '[' })).items).toEqual([])
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

const get = (aedId: string, openid = 'demo-resident') => cloud.call<AedDetail>('aed', openid, { action: 'get', aedId })
const inboxOf = (openid: string, kind: string) => cloud.docs('inbox').filter((m) => m.openid === openid && m.kind === kind) as Array<{ body: string; page: string }>
const today = () => todayInChina()
const inDays = (days: number) => dayjs(today()).add(days, 'day').format('YYYY-MM-DD')
const goodDates = () => ({ padsExpiry: inDays(400), batteryExpiry: inDays(800) })
/** Every item of the record sheet seen fine (DB3301/T 0435-2023 附录D). */
const allFine = { statusLight: true, padsSealed: true, batteryOk: true, cabinetOpens: true, alarmWorks: true, paediatricPads: 'present' }
const inspectOk = (aedId: string, extra: Record<string, unknown> = {}) => ({ action: 'inspect', aedId, date: today(), result: 'ok', checklist: allFine, ...goodDates(), ...extra })

/** A device of its own, far from the seeded ones, inspected so that it starts ready. */
async function ownAed(name: string, latitude: number, longitude: number, hours: OpeningHours = { always: true }): Promise<string> {
  const created = unwrap(
    await cloud.call<AedDetail>('aed', 'demo-staff', { action: 'save', name, communityId: 'dadu', latitude, longitude, address: `绍兴市柯桥区测试路${name}`, placement: 'outdoor', hours, ...goodDates() }),
  )
  unwrap(await cloud.call('aed', 'demo-staff', inspectOk(created._id)))
  return created._id
}

describe('readiness', () => {
  test('a fault report makes the AED out of service in nearby and get until an inspection finds it fine', async () => {
    const aedId = await ownAed('故障测试点', 30.3, 120.9)
    const at = (lat = 30.3, lng = 120.9) => nearby(lat, lng, { radiusMeters: 1000, limit: 5 })
    expect(unwrap(await at()).items[0]).toMatchObject({ _id: aedId, readiness: 'ready', reasons: [], openNow: true })

    const before = cloud.docs('inbox').filter((m) => m.openid === 'demo-staff').length
    // A member has standing: the report takes the device out (issue 29).
    unwrap(await cloud.call('aed', 'demo-member', { action: 'report', aedId, kind: 'fault', note: '按了开关没反应' }))
    const flagged = unwrap(await at()).items[0]
    expect(flagged).toMatchObject({ _id: aedId, readiness: 'out_of_service', reasons: ['可能无法使用：有人报告故障'], warnings: ['reportedFault'] })
    expect(unwrap(await get(aedId))).toMatchObject({ readiness: 'out_of_service', reasons: ['可能无法使用：有人报告故障'], openReports: 1 })
    // Staff hear of the device at once (aed_alert) and of their queue (staff_todo).
    expect(cloud.docs('inbox').filter((m) => m.openid === 'demo-staff').length).toBe(before + 2)

    expect(await cloud.call('aed', 'demo-resident', inspectOk(aedId))).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const cleared = unwrap(await cloud.call<AedDetail>('aed', 'demo-staff', inspectOk(aedId)))
    expect(cleared).toMatchObject({ readiness: 'ready', reasons: [], status: 'available', openReports: 0 })
    expect(unwrap(await at()).items[0].readiness).toBe('ready')
  })

  test('"used" takes it out of service; an inspection finding it faulty keeps it out (停用维修中) and closes the report', async () => {
    const aedId = await ownAed('使用测试点', 30.31, 120.91)
    unwrap(await cloud.call('aed', 'demo-volunteer', { action: 'report', aedId, kind: 'used' }))
    expect(unwrap(await get(aedId))).toMatchObject({ readiness: 'out_of_service', reasons: ['可能无法使用：已被使用，待检查'] })
    const faulty = unwrap(await cloud.call<AedDetail>('aed', 'demo-staff', { ...inspectOk(aedId), result: 'faulty' }))
    expect(faulty).toMatchObject({ readiness: 'out_of_service', reasons: ['停用维修中'], openReports: 0 })
    expect(inboxOf('demo-volunteer', 'aed_report').at(-1)?.body).toContain('设备故障，已停用维修')
  })

  test('with emergency, a farther ready-and-open AED comes before a nearer broken or closed one', async () => {
    // Along a line east of a point nobody else uses: broken at ~50 m, closed at ~150 m, ready at ~400 m.
    const [lat, lng] = [30.32, 120.92]
    const east = (meters: number) => lng + meters / (111_195 * Math.cos((lat * Math.PI) / 180))
    const broken = await ownAed('近处故障', lat, east(50))
    const closed = await ownAed('近处未开放', lat, east(150), { always: false, weekly: {} })
    const ready = await ownAed('远处可用', lat, east(400))
    unwrap(await cloud.call('aed', 'demo-member', { action: 'report', aedId: broken, kind: 'fault' }))

    const plain = unwrap(await nearby(lat, lng, { radiusMeters: 1000, limit: 3 })).items
    expect(plain.map((a) => a._id)).toEqual([broken, closed, ready])
    const ranked = unwrap(await nearby(lat, lng, { radiusMeters: 1000, limit: 3, emergency: true })).items
    expect(ranked.map((a) => a._id)).toEqual([ready, closed, broken])
    expect(ranked.map((a) => [a.readiness, a.openNow])).toEqual([['ready', true], ['ready', false], ['out_of_service', true]])
    expect(ranked[0].distanceMeters).toBeGreaterThan(ranked[2].distanceMeters)
    // The limit is applied after ranking: the best one is found even when asked for one.
    expect(unwrap(await nearby(lat, lng, { radiusMeters: 1000, limit: 1, emergency: true })).items.map((a) => a._id)).toEqual([ready])
  })

  test('找不到 and 位置不对 make the position doubtful until resolved; the reporter hears back twice', async () => {
    const aedId = await ownAed('位置测试点', 30.33, 120.93)
    const missing = unwrap(await cloud.call<AedReport>('aed', 'demo-member', { action: 'report', aedId, kind: 'missing', note: '北门没有看到' }))
    const wrong = unwrap(await cloud.call<AedReport>('aed', 'demo-volunteer', { action: 'report', aedId, kind: 'wrongPlace' }))
    expect(unwrap(await get(aedId))).toMatchObject({ readiness: 'warning', reasons: ['位置待核实'] })
    expect(inboxOf('demo-member', 'aed_report').at(-1)).toMatchObject({ body: expect.stringContaining('已收到'), page: `packages/aed/pages/detail/index?id=${aedId}` })

    expect(await cloud.call('aed', 'demo-resident', { action: 'resolveReport', reportId: missing._id, resolution: '已找到' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    unwrap(await cloud.call('aed', 'demo-staff', { action: 'resolveReport', reportId: missing._id, resolution: '设备在北门保安亭内，已补充位置说明' }))
    expect(unwrap(await get(aedId)).reasons).toEqual(['位置待核实']) // the other report is still open
    unwrap(await cloud.call('aed', 'demo-staff', { action: 'resolveReport', reportId: wrong._id, resolution: '已按现场位置更正地图' }))
    expect(unwrap(await get(aedId))).toMatchObject({ readiness: 'ready', reasons: [] })
    expect(inboxOf('demo-member', 'aed_report').at(-1)?.body).toContain('设备在北门保安亭内，已补充位置说明')
    expect(inboxOf('demo-volunteer', 'aed_report').at(-1)?.body).toContain('已按现场位置更正地图')
  })

  test('concurrent closing of one report tells its reporter once; concurrent inspections close each report once', async () => {
    const aedId = await ownAed('并发测试点', 30.34, 120.94)
    const reporters = ['race-a', 'race-b', 'race-c']
    const filed = await Promise.all(reporters.map((openid) => cloud.call<AedReport>('aed', openid, { action: 'report', aedId, kind: 'fault' }).then(unwrap)))
    await Promise.all(Array.from({ length: 5 }, () => cloud.call('aed', 'demo-staff', { action: 'resolveReport', reportId: filed[0]._id, resolution: '已检查，设备正常' })))
    await Promise.all(Array.from({ length: 5 }, () => cloud.call('aed', 'demo-staff', inspectOk(aedId))))
    for (const openid of reporters) {
      const outcomes = inboxOf(openid, 'aed_report').filter((m) => m.body.includes('已处理'))
      expect(outcomes).toHaveLength(1)
    }
    expect(cloud.docs('aedReports').filter((r) => r.aedId === aedId && r.status === 'open')).toHaveLength(0)
    expect(unwrap(await get(aedId)).readiness).toBe('ready')
  })

  test('every reporter gets an acknowledgement, as an inbox message opening the AED', async () => {
    const report = unwrap(await cloud.call<AedReport>('aed', 'ack-reporter', { action: 'report', aedId: 'aed-dadu-4', kind: 'other', note: '柜子上的说明看不清' }))
    expect(report).toMatchObject({ status: 'open', resolution: null })
    expect(inboxOf('ack-reporter', 'aed_report')).toEqual([expect.objectContaining({ page: 'packages/aed/pages/detail/index?id=aed-dadu-4', body: expect.stringContaining('已收到') })])
    // A report of another kind says nothing against the device.
    expect(unwrap(await get('aed-dadu-4')).warnings).not.toContain('reportedFault')
  })

  test('an unknown report kind is refused and nothing is written', async () => {
    const before = cloud.docs('aedReports').length
    expect(await cloud.call('aed', 'demo-resident', { action: 'report', aedId: 'aed-dadu-3', kind: 'stolen' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(cloud.docs('aedReports')).toHaveLength(before)
  })
})

// Issue 29: AED status no stranger can fake. A report from an account without standing only warns.
describe('standing', () => {
  beforeAll(() => cloud.store.insert('volunteers', [{ _id: 'vo-active-no-certificate', openid: 'vol-active-no-certificate', status: 'active', name: '吴', communityId: 'dadu' }]))

  /** A cluster of six AEDs of 大渡社区 around a point nobody else uses, all within reach of it. */
  async function cluster(tag: string, lat: number, lng: number): Promise<string[]> {
    const north = (meters: number) => lat + meters / 111_195
    return Promise.all(Array.from({ length: 6 }, (_unused, i) => ownAed(`${tag}${i}`, north(20 + i * 15), lng)))
  }
  const emergencyAt = async (lat: number, lng: number) => unwrap(await nearby(lat, lng, { radiusMeters: 500, limit: 20, emergency: true })).items
  const report = (openid: string, aedId: string, kind = 'fault') => cloud.call<AedReport>('aed', openid, { action: 'report', aedId, kind })

  test('20 reports from 4 fresh accounts leave every AED in the emergency list, warned ones after the ready one', async () => {
    const [lat, lng] = [30.6, 121.3]
    const ids = await cluster('冒名测试', lat, lng)
    const accounts = ['wave-a', 'wave-b', 'wave-c', 'wave-d']
    // Each account spends its 5 daily reports on the five nearest devices (fault or used).
    const answers = await Promise.all(accounts.flatMap((openid) => ids.slice(0, 5).map((aedId, i) => report(openid, aedId, i % 2 ? 'used' : 'fault'))))
    expect(answers.filter((a) => a.ok)).toHaveLength(20)
    expect(answers.every((a) => a.ok && a.data.standing === null)).toBe(true)
    const items = await emergencyAt(lat, lng)
    expect(items.map((a) => a._id).sort()).toEqual([...ids].sort())
    expect(items.map((a) => a.readiness)).toEqual(['ready', 'warning', 'warning', 'warning', 'warning', 'warning'])
    expect(items[0]._id).toBe(ids[5])
    expect(items[1].reasons).toEqual(['有人报告可能无法使用，待核实'])
    // What the emergency screen sends a bystander for keeps them all, the ready one first.
    expect(forRescue(items, 6).map((a) => a._id)).toEqual(items.map((a) => a._id))
    // The daily limit stays: a sixth report of the day is refused.
    expect(await report('wave-a', ids[5])).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
  })

  test("the guardian's report takes the AED out; guardian and staff are told at once", async () => {
    const [lat, lng] = [30.61, 121.31]
    const [aedId] = await cluster('负责人测试', lat, lng)
    unwrap(await cloud.call('aed', 'demo-staff', { action: 'save', aedId, name: '负责人测试0', communityId: 'dadu', latitude: lat + 20 / 111_195, longitude: lng, address: '绍兴市柯桥区测试路负责人测试0', placement: 'outdoor', hours: { always: true }, ...goodDates(), guardianOpenid: 'guardian-no-roles' }))
    // A stranger's report tells the guardian at once, and leaves the device in the list.
    unwrap(await report('stranger-1', aedId))
    expect(inboxOf('guardian-no-roles', 'aed_alert').map((m) => m.body)).toEqual([expect.stringContaining('未核实身份')])
    expect((await emergencyAt(lat, lng)).find((a) => a._id === aedId)?.readiness).toBe('warning')
    const staffAlerts = () => inboxOf('demo-staff', 'aed_alert').filter((m) => m.body.includes('负责人测试0')).length
    expect(staffAlerts()).toBe(0)
    const filed = unwrap(await report('guardian-no-roles', aedId, 'used'))
    expect(filed.standing).toBe('guardian')
    expect(unwrap(await get(aedId))).toMatchObject({ readiness: 'out_of_service', reasons: ['可能无法使用：已被使用，待检查', '有人报告可能无法使用，待核实'] })
    expect((await emergencyAt(lat, lng)).find((a) => a._id === aedId)?.readiness).toBe('out_of_service')
    expect(staffAlerts()).toBe(1)
  })

  test.each([
    ['a member', 'demo-member', 'member'],
    // demo-volunteer also holds a 救护员证 (the 紧急呼 demo data), so a volunteer without one reports here.
    ['an active volunteer', 'vol-active-no-certificate', 'volunteer'],
    ['staff of its community', 'demo-staff', 'staff'],
  ])("%s's report takes it out of the emergency list", async (_label, openid, standing) => {
    const [lat, lng] = [30.62 + Math.random() * 0.01, 121.32]
    const [aedId] = await cluster(`有身份${standing}`, lat, lng)
    expect(unwrap(await report(openid, aedId)).standing).toBe(standing)
    expect(unwrap(await get(aedId)).readiness).toBe('out_of_service')
    expect(forRescue(await emergencyAt(lat, lng), 6).map((a) => a._id)).not.toContain(aedId)
  })

  test('a certified responder counts once the number is recorded and while it is in date; a pending volunteer does not', async () => {
    const [lat, lng] = [30.64, 121.34]
    const [recorded, pending, lapsed, applied] = await cluster('证书测试', lat, lng)
    cloud.store.insert('certificates', [
      { _id: 'cert-recorded', openid: 'resp-recorded', sessionId: 's', sessionTitle: '救护员培训', name: '赵', number: 'ZJ2025-001234', issuer: '绍兴市柯桥区红十字会', issuedOn: inDays(-100), validUntil: inDays(900), remindedOn: null },
      { _id: 'cert-pending', openid: 'resp-pending', sessionId: 's', sessionTitle: '救护员培训', name: '钱', number: null, issuedOn: inDays(-100), validUntil: inDays(900), remindedOn: null },
      { _id: 'cert-lapsed', openid: 'resp-lapsed', sessionId: 's', sessionTitle: '救护员培训', name: '孙', number: 'ZJ2022-000001', issuer: '绍兴市柯桥区红十字会', issuedOn: inDays(-1200), validUntil: inDays(-5), remindedOn: null },
    ])
    cloud.store.insert('volunteers', [{ _id: 'vo-applied', openid: 'vol-pending', status: 'pending', name: '周', communityId: 'dadu' }])
    expect(unwrap(await report('resp-recorded', recorded)).standing).toBe('responder')
    expect(unwrap(await report('resp-pending', pending)).standing).toBeNull()
    expect(unwrap(await report('resp-lapsed', lapsed)).standing).toBeNull()
    expect(unwrap(await report('vol-pending', applied)).standing).toBeNull()
    const readiness = async (id: string) => unwrap(await get(id)).readiness
    expect(await Promise.all([recorded, pending, lapsed, applied].map(readiness))).toEqual(['out_of_service', 'warning', 'warning', 'warning'])
  })

  test('staff see a wave of reports from new accounts and reverse it in one action; reports with standing stay', async () => {
    const [lat, lng] = [30.65, 121.35]
    const ids = await cluster('撤销测试', lat, lng)
    await Promise.all(['undo-a', 'undo-b', 'undo-c'].flatMap((openid) => ids.slice(0, 4).map((aedId) => report(openid, aedId).then(unwrap))))
    const kept = unwrap(await report('demo-member', ids[0], 'used'))
    const period = { communityId: 'dadu', from: inDays(-1), to: today() }
    expect(await cloud.call('aed', 'demo-volunteer', { action: 'dismissUnconfirmed', ...period })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    cloud.store.insert('users', [{ _id: 'staff-yl-wave', displayName: '玉兰工作人员', roles: ['staff'], homeCommunityId: 'yulan', staffCommunityIds: ['yulan'], createdAt: new Date() }])
    expect(await cloud.call('aed', 'staff-yl-wave', { action: 'dismissUnconfirmed', ...period })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const wave = unwrap(await cloud.call<{ items: AedReport[]; total: number; aeds: number }>('aed', 'demo-staff', { action: 'unconfirmedReports', ...period }))
    expect(wave.items.filter((r) => ids.includes(r.aedId))).toHaveLength(12)
    expect(wave.items.every((r) => r.standing === null)).toBe(true)

    const undone = unwrap(await cloud.call<{ dismissed: number; more: boolean }>('aed', 'demo-staff', { action: 'dismissUnconfirmed', ...period }))
    expect(undone.dismissed).toBeGreaterThanOrEqual(12)
    expect(await Promise.all(ids.slice(1, 4).map(async (id) => unwrap(await get(id)).readiness))).toEqual(['ready', 'ready', 'ready'])
    expect(cloud.store.find('aedReports', { _id: kept._id })[0]).toMatchObject({ status: 'open' })
    expect(unwrap(await get(ids[0])).readiness).toBe('out_of_service')
    expect(inboxOf('undo-a', 'aed_report').filter((m) => m.body.includes('未发现报告的问题'))).toHaveLength(4)
    expect(unwrap(await get(ids[1], 'demo-staff')).history.at(-1)).toMatchObject({ event: '工作人员撤销3条未核实身份的报告' })
    // Again: nothing left to dismiss, nobody told twice.
    expect(unwrap(await cloud.call<{ dismissed: number }>('aed', 'demo-staff', { action: 'dismissUnconfirmed', ...period })).dismissed).toBe(0)
    expect(inboxOf('undo-a', 'aed_report').filter((m) => m.body.includes('未发现报告的问题'))).toHaveLength(4)
  })
})

describe('inspections', () => {
  test('设备完好 is refused while pads or battery are past their date; the same inspection with new dates is taken', async () => {
    const aedId = await ownAed('过期测试点', 30.35, 120.95)
    const stored = () => cloud.store.find('aeds', { _id: aedId })[0]
    const before = stored()
    const expiredPads = await cloud.call('aed', 'demo-staff', inspectOk(aedId, { padsExpiry: inDays(-1) }))
    expect(expiredPads).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { padsExpiry: expect.stringContaining('过期') } })
    expect(!expiredPads.ok && expiredPads.message).toMatch(/不能记为设备完好.*电极片已于.*过期/)
    const expiredBattery = await cloud.call('aed', 'demo-staff', inspectOk(aedId, { batteryExpiry: inDays(-30) }))
    expect(expiredBattery).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { batteryExpiry: expect.stringContaining('电池') } })
    expect(stored()).toEqual(before)

    // A faulty finding may be recorded whatever the dates; a date in the future may not.
    expect(await cloud.call('aed', 'demo-staff', inspectOk(aedId, { date: inDays(1) }))).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    const faulty = unwrap(await cloud.call<AedDetail>('aed', 'demo-staff', inspectOk(aedId, { result: 'faulty', padsExpiry: inDays(-1) })))
    expect(faulty).toMatchObject({ readiness: 'out_of_service', reasons: ['停用维修中', '电极片已过期'] })
    const renewed = unwrap(await cloud.call<AedDetail>('aed', 'demo-staff', inspectOk(aedId, { padsExpiry: inDays(700) })))
    expect(renewed).toMatchObject({ readiness: 'ready', padsExpiry: inDays(700), lastInspection: today() })
  })

  // DB3301/T 0435-2023 附录D「AED日常巡检维护记录表」; 广州《公共场所自动体外除颤器（AED）配置规范（暂行）》2024.
  test('the checklist: an essential item not seen fine refuses 设备完好; the alarm and children\'s pads are recorded as follow-ups', async () => {
    const aedId = await ownAed('清单测试点', 30.46, 121.06)
    const before = cloud.store.find('aeds', { _id: aedId })[0]
    for (const item of ['statusLight', 'padsSealed', 'batteryOk', 'cabinetOpens']) {
      const refused = await cloud.call('aed', 'demo-staff', inspectOk(aedId, { checklist: { ...allFine, [item]: false } }))
      expect(refused).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { [item]: expect.stringContaining('不能记为设备完好') } })
    }
    expect(await cloud.call('aed', 'demo-staff', inspectOk(aedId, { checklist: { ...allFine, paediatricPads: 'maybe' } }))).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await cloud.call('aed', 'demo-staff', inspectOk(aedId, { checklist: undefined }))).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { checklist: expect.any(String) } })
    expect(cloud.store.find('aeds', { _id: aedId })[0]).toEqual(before)
    const passed = unwrap(await cloud.call<AedDetail>('aed', 'demo-staff', inspectOk(aedId, { checklist: { ...allFine, alarmWorks: false, paediatricPads: 'missing' } })))
    expect(passed).toMatchObject({ readiness: 'ready', followUps: ['机柜报警装置需维修', '需补充儿童电极片'], lastChecklist: { alarmWorks: false, paediatricPads: 'missing' } })
    expect(unwrap(await get(aedId, 'demo-staff')).history.at(-1)?.note).toContain('机柜报警装置正常：否')
    // 设备故障 is recorded whatever the checklist says.
    expect(unwrap(await cloud.call<AedDetail>('aed', 'demo-staff', inspectOk(aedId, { result: 'faulty', checklist: { ...allFine, statusLight: false } }))).readiness).toBe('out_of_service')
  })

  test('after a use, 设备完好 without new pads and a passed self-test is refused; with them the AED is back and the report closed', async () => {
    const aedId = await ownAed('使用后测试点', 30.47, 121.07)
    const used = unwrap(await cloud.call<AedReport>('aed', 'demo-volunteer', { action: 'report', aedId, kind: 'used', note: '昨晚抢救用过' }))
    expect(unwrap(await get(aedId, 'demo-staff'))).toMatchObject({ readiness: 'out_of_service', afterUse: true })
    const before = cloud.store.find('aeds', { _id: aedId })[0]
    const noPads = await cloud.call('aed', 'demo-staff', inspectOk(aedId, { selfTest: 'passed' }))
    expect(noPads).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { padsReplaced: expect.stringContaining('电极片') } })
    const noSelfTest = await cloud.call('aed', 'demo-staff', inspectOk(aedId, { padsReplaced: true }))
    expect(noSelfTest).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { selfTest: expect.stringContaining('自检') } })
    expect(await cloud.call('aed', 'demo-staff', inspectOk(aedId, { padsReplaced: true, selfTest: 'failed' }))).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    // Closing the use report by hand is refused too: only the inspection records the new pads.
    expect(await cloud.call('aed', 'demo-staff', { action: 'resolveReport', reportId: used._id, resolution: '已检查' })).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(cloud.store.find('aeds', { _id: aedId })[0]).toEqual(before)
    expect(unwrap(await get(aedId)).readiness).toBe('out_of_service')

    const back = unwrap(await cloud.call<AedDetail>('aed', 'demo-staff', inspectOk(aedId, { padsReplaced: true, selfTest: 'passed', padsExpiry: inDays(900) })))
    expect(back).toMatchObject({ readiness: 'ready', padsExpiry: inDays(900), afterUse: false, openReports: 0 })
    expect(back.history.at(-1)?.note).toContain(`已更换电极片（有效期至${inDays(900)}），自检通过`)
    expect(cloud.store.find('aedReports', { _id: used._id })[0]).toMatchObject({ status: 'resolved' })
  })

  test('each community sets its inspection cycle; overdue follows it', async () => {
    const aedId = await ownAed('周期测试点', 30.48, 121.08)
    unwrap(await cloud.call('aed', 'demo-staff', inspectOk(aedId, { date: inDays(-3) })))
    expect(unwrap(await get(aedId)).reasons).not.toContain('超期未巡检')
    expect(await cloud.call('aed', 'demo-volunteer', { action: 'setInspectionCycle', communityId: 'dadu', cycle: 'daily' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await cloud.call('aed', 'demo-staff', { action: 'setInspectionCycle', communityId: 'dadu', cycle: 'hourly' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    try {
      expect(unwrap(await cloud.call('aed', 'demo-staff', { action: 'setInspectionCycle', communityId: 'dadu', cycle: 'daily' }))).toMatchObject({ communityId: 'dadu', cycle: 'daily' })
      expect(unwrap(await get(aedId))).toMatchObject({ readiness: 'warning', reasons: ['超期未巡检'], inspectionCycle: 'daily' })
      const listed = unwrap(await cloud.call<{ items: Array<{ communityId: string; cycle: string }> }>('aed', 'demo-staff', { action: 'inspectionCycles' })).items
      expect(listed).toEqual(expect.arrayContaining([{ communityId: 'dadu', name: '大渡社区', cycle: 'daily' }, { communityId: 'yulan', name: '玉兰社区', cycle: 'monthly' }]))
      unwrap(await cloud.call('aed', 'demo-staff', inspectOk(aedId)))
      expect(unwrap(await get(aedId)).readiness).toBe('ready')
    } finally {
      unwrap(await cloud.call('aed', 'demo-staff', { action: 'setInspectionCycle', communityId: 'dadu', cycle: 'monthly' }))
    }
  })

  test('a seeded device with expired pads reads 电极片已过期 and cannot be passed as it is', async () => {
    const expired = cloud.docs('aeds').find((a) => a.verified && String(a.padsExpiry) < today()) as { _id: string; padsExpiry: string; batteryExpiry: string }
    expect(unwrap(await get(expired._id))).toMatchObject({ readiness: 'warning', reasons: expect.arrayContaining(['电极片已过期']) })
    const asItIs = { ...inspectOk(expired._id), padsExpiry: expired.padsExpiry, batteryExpiry: expired.batteryExpiry }
    expect(await cloud.call('aed', 'demo-staff', asItIs)).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })
})

describe('suggestions', () => {
  const details = {
    name: '新开的药店',
    communityId: 'dadu',
    latitude: 30.0661,
    longitude: 120.5071,
    address: '大渡路88号药店',
    landmark: '收银台后面',
    placement: 'indoor',
    floor: '1楼',
    hours: { always: false, weekly: { mon: [['08:00', '21:00']], tue: [['08:00', '21:00']] } },
    accessNotes: '营业时间向收银员说明后取用',
    accessPhone: '0575-84123456',
    ...goodDates(),
  }

  test('stay invisible until staff verify them, with no made-up details', async () => {
    const { aedId } = unwrap(await cloud.call<{ aedId: string }>('aed', 'demo-resident', { action: 'suggest', name: '新开的药店', latitude: 30.0661, longitude: 120.5071, address: '大渡路88号药店', landmark: '收银台后面', note: '收银台后面挂着' }))
    expect(cloud.store.find('aeds', { _id: aedId })[0]).toMatchObject({ verified: false, hours: null, placement: null, padsExpiry: null, batteryExpiry: null, accessPhone: null })
    const ids = async () => unwrap(await nearby(30.0661, 120.5071, { limit: 50 })).items.map((a) => a._id)
    expect(await ids()).not.toContain(aedId)
    expect(await get(aedId, 'demo-volunteer')).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await cloud.call('aed', 'demo-volunteer', { action: 'verify', aedId, ...details })).toMatchObject({ ok: false, code: 'FORBIDDEN' })

    const managed = unwrap(await cloud.call<{ items: AedDetail[] }>('aed', 'demo-staff', { action: 'manageList', communityId: 'dadu', pageSize: 50 }))
    expect(managed.items[0]).toMatchObject({ _id: aedId, verified: false, readiness: 'warning', hours: '未登记', openNow: false, padsExpiry: null })
    expect(managed.items[0].reasons).toContain('居民建议，尚未核实')

    const verified = unwrap(await cloud.call<AedDetail>('aed', 'demo-staff', { action: 'verify', aedId, ...details }))
    expect(verified).toMatchObject({ verified: true, status: 'available', placement: 'indoor', hours: '周一至周二 08:00-21:00', accessPhone: '0575-84123456', padsExpiry: details.padsExpiry })
    expect(verified.reasons).not.toContain('居民建议，尚未核实')
    expect(await ids()).toContain(aedId)
    // Verifying again changes nothing.
    unwrap(await cloud.call('aed', 'demo-staff', { action: 'verify', aedId, ...details, name: '改过的名字' }))
    expect(cloud.store.find('aeds', { _id: aedId })[0]).toMatchObject({ name: '新开的药店' })
  })

  test.each([
    ['hours', 'hours'],
    ['placement', 'placement'],
    ['padsExpiry', 'padsExpiry'],
    ['batteryExpiry', 'batteryExpiry'],
    ['accessNotes', 'accessNotes'],
    ['accessPhone', 'accessPhone'],
  ])('verification without %s is refused and changes nothing', async (missing, field) => {
    const { aedId } = unwrap(await cloud.call<{ aedId: string }>('aed', `suggester-${missing}`, { action: 'suggest', name: `建议${missing}`, latitude: 30.0662, longitude: 120.5072, address: '大渡路90号便利店' }))
    const before = cloud.store.find('aeds', { _id: aedId })[0]
    const result = await cloud.call('aed', 'demo-staff', { action: 'verify', aedId, ...details, [missing]: undefined })
    expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(!result.ok && result.fields).toHaveProperty(field)
    expect(cloud.store.find('aeds', { _id: aedId })[0]).toEqual(before)
  })

  test.each(['12345', '0575-123', '138000000001'])('an access phone like %s is refused', async (accessPhone) => {
    const result = await cloud.call('aed', 'demo-staff', { action: 'verify', aedId: 'any', ...details, accessPhone })
    expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { accessPhone: expect.stringContaining('0575-84123456') } })
  })
})

describe('my suggestions (我建议的AED)', () => {
  const suggestAs = async (openid: string, name: string) =>
    unwrap(await cloud.call<{ aedId: string }>('aed', openid, { action: 'suggest', name, latitude: 30.0664, longitude: 120.5074, address: '大渡路96号超市' })).aedId
  const mine = async (openid: string) => unwrap(await cloud.call<{ items: MySuggestion[]; hasMore: boolean }>('aed', openid, { action: 'mySuggestions', pageSize: 50 }))
  const withdraw = (openid: string, aedId: string) => cloud.call<MySuggestion>('aed', openid, { action: 'withdrawSuggestion', aedId })
  const stored = (aedId: string) => cloud.store.find('aeds', { _id: aedId })[0]
  const staffQueue = async () => unwrap(await cloud.call<{ counts: { aedSuggestions: number } }>('community', 'demo-staff', { action: 'dashboard' })).counts.aedSuggestions
  const staffLists = async () => {
    const all = unwrap(await cloud.call<{ items: AedDetail[] }>('aed', 'demo-staff', { action: 'manageList', communityId: 'dadu', pageSize: 50 }))
    const attention = unwrap(await cloud.call<{ items: AedDetail[] }>('aed', 'demo-staff', { action: 'manageList', communityId: 'dadu', attention: true, pageSize: 50 }))
    return [...all.items, ...attention.items].map((a) => a._id)
  }
  const verifyDetails = { name: '超市门口', communityId: 'dadu', latitude: 30.0664, longitude: 120.5074, address: '大渡路96号超市', placement: 'indoor', hours: { always: true }, accessNotes: '向收银员说明后取用', accessPhone: '0575-84123456', ...goodDates() }

  test('each person sees only their own, newest first, each waiting and withdrawable', async () => {
    const first = await suggestAs('ms-alice', '超市门口')
    const second = await suggestAs('ms-alice', '药店门口')
    const theirs = await suggestAs('ms-bob', '银行门口')
    const alice = await mine('ms-alice')
    expect(alice.items.map((s) => s._id)).toEqual([second, first])
    expect(alice.items[0]).toMatchObject({ name: '药店门口', status: 'pending', canWithdraw: true, withdrawnAt: null })
    expect((await mine('ms-bob')).items.map((s) => s._id)).toEqual([theirs])
    expect((await mine('ms-nobody')).items).toEqual([])
  })

  test("someone else's suggestion cannot be withdrawn and nothing changes", async () => {
    const aedId = await suggestAs('ms-owner', '超市门口')
    const before = stored(aedId)
    expect(await withdraw('ms-stranger', aedId)).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await withdraw('demo-staff', aedId)).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(stored(aedId)).toEqual(before)
  })

  test('withdrawn, it leaves the staff queue, lists and 需要处理, and staff can no longer publish it', async () => {
    const aedId = await suggestAs('ms-withdrawer', '超市门口')
    const queued = await staffQueue()
    expect(await staffLists()).toContain(aedId)
    const answer = unwrap(await withdraw('ms-withdrawer', aedId))
    expect(answer).toMatchObject({ _id: aedId, status: 'withdrawn', canWithdraw: false, withdrawnAt: expect.any(String) })
    expect(await staffQueue()).toBe(queued - 1)
    expect(await staffLists()).not.toContain(aedId)
    expect((await mine('ms-withdrawer')).items[0]).toMatchObject({ _id: aedId, status: 'withdrawn' })
    const after = stored(aedId)
    expect(after).toMatchObject({ verified: false, communityId: '', withdrawnFrom: 'dadu' })
    expect(await cloud.call('aed', 'demo-staff', { action: 'verify', aedId, ...verifyDetails })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(stored(aedId)).toEqual(after)
    expect(await get(aedId, 'demo-staff')).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  test('a second tap, or two at once, withdraw once', async () => {
    const aedId = await suggestAs('ms-double', '超市门口')
    const [a, b] = await Promise.all([withdraw('ms-double', aedId), withdraw('ms-double', aedId)])
    expect(unwrap(a)).toEqual(unwrap(b))
    expect(unwrap(await withdraw('ms-double', aedId))).toEqual(unwrap(a))
    const events = (stored(aedId).history as Array<{ event: string }>).map((h) => h.event)
    expect(events.filter((e) => e === '建议人撤回了建议')).toHaveLength(1)
  })

  test('once staff verified it, it cannot be withdrawn', async () => {
    const aedId = await suggestAs('ms-late', '超市门口')
    unwrap(await cloud.call('aed', 'demo-staff', { action: 'verify', aedId, ...verifyDetails }))
    const before = stored(aedId)
    expect(await withdraw('ms-late', aedId)).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(stored(aedId)).toEqual(before)
    expect((await mine('ms-late')).items[0]).toMatchObject({ _id: aedId, status: 'verified', canWithdraw: false })
  })
})

describe('reminders', () => {
  test('the scheduler\'s job tells keepers about expiring supplies, once a day', async () => {
    const first = await runJob(aedJob)
    expect(first.done).toBeGreaterThan(0)
    const messages = cloud.docs('inbox').filter((m) => m.openid === 'demo-staff' && String(m.body).includes('电极片已过期'))
    expect(messages.length).toBeGreaterThan(0)
    expect(await runJob(aedJob)).toEqual({ done: 0, more: false })
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

  test('an access phone is kept, shown and removed with an empty one', async () => {
    const created = unwrap(await cloud.call<AedDetail>('aed', 'demo-staff', { ...aed, accessPhone: '13857512345' }))
    expect(created.accessPhone).toBe('13857512345')
    expect(unwrap(await cloud.call<AedDetail>('aed', 'demo-staff', { ...aed, aedId: created._id, accessPhone: '057584123456' })).accessPhone).toBe('057584123456')
    expect(unwrap(await cloud.call<AedDetail>('aed', 'demo-staff', { ...aed, aedId: created._id, accessPhone: '' })).accessPhone).toBeNull()
    expect(await cloud.call('aed', 'demo-staff', { ...aed, accessPhone: '110' })).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { accessPhone: expect.any(String) } })
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

describe('trust and safety', () => {
  // A risky word written with a zero-width space: cleaned by the input schema, then refused.
  const RISKY = '欢迎来赌\u200b博'
  const TOUCHED = ['aeds', 'aedReports', 'counters', 'inbox']
  const snapshot = () => JSON.stringify(TOUCHED.map((name) => cloud.docs(name)))
  const suggestion = { action: 'suggest', name: '街角药店', latitude: 30.0663, longitude: 120.5073, address: '大渡路92号药店', landmark: '收银台后面', note: '门口有标识' }
  const staffFields = { name: '安全测试点', address: '绍兴市柯桥区测试路安全测试点', landmark: '门卫室', floor: '1楼', accessNotes: '向门卫说明后取用', model: 'AED Plus', guardianOrg: '物业服务中心' }
  const verifyDetails = { communityId: 'dadu', latitude: 30.0663, longitude: 120.5073, placement: 'indoor', hours: { always: true }, accessPhone: '0575-84123456', ...goodDates(), ...staffFields }
  const reportOn = async (aedId: string, openid: string) => unwrap(await cloud.call<AedReport>('aed', openid, { action: 'report', aedId, kind: 'fault' }))._id
  const upload = async (openid: string, name: string) =>
    (await (wxServerSdk() as { uploadFile(p: object): Promise<{ fileID: string }> }).uploadFile({ cloudPath: `${uploadFolderOf(openid)}/aed-reports/${name}`, fileContent: Buffer.from('jpeg') })).fileID
  /** Runs `act` with WeChat's verdicts held back, so what is seen while a photo is checked cannot race an early push. */
  const verdictsHeld = async <T,>(act: () => Promise<T>): Promise<T> => {
    const timing = cloud.mediaPushes.timing
    cloud.mediaPushes.timing = { kind: 'never' }
    try {
      return await act()
    } finally {
      cloud.mediaPushes.timing = timing
    }
  }
  /** Pushes a held verdict as the local cloud would have: a photo whose name says "risky" fails. */
  const release = async (collection: string, id: string) => {
    const { traceId, fileID } = cloud.store.find(collection, { _id: id })[0].photo as { traceId: string; fileID: string }
    const suggest = fileID.includes('risky') ? 'risky' : 'pass'
    await cloud.functions.invoke('mediaCheck', { MsgType: 'event', Event: 'wxa_media_check', trace_id: traceId, version: 2, result: { suggest, label: suggest === 'pass' ? 100 : 20002 } }, '')
  }
  const checked = async (collection: string, id: string) => {
    const photoOf = () => (cloud.store.find(collection, { _id: id })[0].photo as { status: string })
    for (let waited = 0; photoOf().status === 'checking' && waited < 3000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20))
    return photoOf().status
  }
  const staffOfDadu = () => cloud.docs('users').filter((u) => (u.roles as string[]).includes('staff') && (u.staffCommunityIds as string[]).includes('dadu')).length
  /** The staff's grouped messages about the AED report queue (one per staff member and hour). */
  const reportTodos = () => cloud.docs('inbox').filter((m) => m.kind === 'staff_todo' && m.page === 'packages/staff/pages/aeds/index')

  /** Every AED text anyone but its author reads: [label, caller, the call (after any setup it needs)]. */
  const PUBLIC_TEXTS: Array<[string, string, () => Promise<Record<string, unknown>>]> = [
    ['report note', 'ts-reporter', async () => ({ action: 'report', aedId: await ownAed('说明检查点', 30.36, 120.96), kind: 'other', note: RISKY })],
    ...(['name', 'address', 'landmark', 'note'] as const).map((field): [string, string, () => Promise<Record<string, unknown>>] => [`suggestion ${field}`, 'ts-suggester', async () => ({ ...suggestion, [field]: RISKY })]),
    ...Object.keys(staffFields).map((field): [string, string, () => Promise<Record<string, unknown>>] => [`staff record ${field}`, 'demo-staff', async () => ({ action: 'save', aedId: await ownAed(`登记检查${field}`, 30.37, 120.97), communityId: 'dadu', latitude: 30.37, longitude: 120.97, placement: 'outdoor', hours: { always: true }, ...goodDates(), ...staffFields, [field]: RISKY })]),
    ...Object.keys(staffFields).map((field): [string, string, () => Promise<Record<string, unknown>>] => [`verified suggestion ${field}`, 'demo-staff', async () => {
      const { aedId } = unwrap(await cloud.call<{ aedId: string }>('aed', `ts-verify-${field}`, suggestion))
      return { action: 'verify', aedId, ...verifyDetails, [field]: RISKY }
    }]),
    ['inspection note', 'demo-staff', async () => ({ ...inspectOk(await ownAed('巡检检查点', 30.38, 120.98)), note: RISKY })],
    ['resolution', 'demo-staff', async () => ({ action: 'resolveReport', reportId: await reportOn(await ownAed('处理检查点', 30.39, 120.99), 'ts-resolved'), resolution: RISKY })],
    ['dismissal reason', 'demo-staff', async () => ({ action: 'dismissReport', reportId: await reportOn(await ownAed('不属实检查点', 30.4, 121), 'ts-dismissed'), reason: RISKY })],
  ]

  test.each(PUBLIC_TEXTS)('%s is content-checked: a risky word is refused and nothing changes', async (_label, caller, prepare) => {
    const event = await prepare()
    const before = snapshot()
    expect(await cloud.call('aed', caller, event)).toMatchObject({ ok: false, code: 'CONTENT_REJECTED' })
    expect(snapshot()).toBe(before)
  })

  test("someone else's photo is refused on a report and a suggestion; nothing changes", async () => {
    const theirs = await upload('ts-photo-owner', 'theirs.jpg')
    const aedId = await ownAed('照片归属点', 30.41, 121.01)
    const before = snapshot()
    expect(await cloud.call('aed', 'ts-photo-thief', { action: 'report', aedId, kind: 'fault', photo: theirs })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await cloud.call('aed', 'ts-photo-thief', { ...suggestion, photo: theirs })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(snapshot()).toBe(before)
  })

  test('report photos stay hidden until their check passes; a failing one stays hidden', async () => {
    const aedId = await ownAed('照片报告点', 30.42, 121.02)
    const [cabinet, risky] = [await upload('ts-photographer', 'cabinet.jpg'), await upload('ts-photographer', 'risky.jpg')]
    const [good, bad] = await verdictsHeld(async () => [
      unwrap(await cloud.call<AedReport>('aed', 'ts-photographer', { action: 'report', aedId, kind: 'fault', photo: cabinet })),
      unwrap(await cloud.call<AedReport>('aed', 'ts-photographer', { action: 'report', aedId, kind: 'locked', photo: risky })),
    ])
    expect([good, bad]).toMatchObject([{ photo: null, photoChecking: true }, { photo: null, photoChecking: true }])
    await Promise.all([release('aedReports', good._id), release('aedReports', bad._id)])
    expect([await checked('aedReports', good._id), await checked('aedReports', bad._id)]).toEqual(['passed', 'rejected'])
    const seen = unwrap(await get(aedId, 'demo-staff')).reports
    expect(seen.find((r) => r._id === good._id)).toMatchObject({ photo: expect.stringMatching(/\/aed-reports\/cabinet\.jpg\?sign=\w+&t=\d+$/), photoChecking: false })
    expect(seen.find((r) => r._id === bad._id)).toMatchObject({ photo: null, photoChecking: false })
    // Only those who look after the AED see reports at all.
    expect(unwrap(await get(aedId, 'ts-photographer')).reports).toEqual([])
  })

  test("an inspection's photo becomes the device's photo once it passed its check; someone else's is refused", async () => {
    const aedId = await ownAed('巡检照片点', 30.49, 121.09)
    const before = snapshot()
    expect(await cloud.call('aed', 'demo-staff', inspectOk(aedId, { photo: await upload('ts-not-the-keeper', 'cabinet.jpg') }))).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(snapshot()).toBe(before)
    const photo = await upload('demo-staff', 'inspection.jpg')
    const inspected = await verdictsHeld(async () => unwrap(await cloud.call<AedDetail>('aed', 'demo-staff', inspectOk(aedId, { photo }))))
    expect(inspected.photo).toBeNull()
    const nearbyPhoto = async () => unwrap(await nearby(30.49, 121.09, { radiusMeters: 100, limit: 5 })).items.find((a) => a._id === aedId)?.photo
    // Issue 26: 找AED shows the photo of where it stands, once its check passed.
    expect(await nearbyPhoto()).toBeNull()
    await release('aeds', aedId)
    expect(await checked('aeds', aedId)).toBe('passed')
    expect(unwrap(await get(aedId)).photo).toMatch(/\/aed-reports\/inspection\.jpg\?sign=\w+&t=\d+$/)
    expect(await nearbyPhoto()).toMatch(/\/aed-reports\/inspection\.jpg\?sign=\w+&t=\d+$/)
  })

  test('a suggestion photo is shown only once it passed its check', async () => {
    const photo = await upload('ts-suggest-photo', 'pharmacy.jpg')
    const { aedId } = await verdictsHeld(async () => unwrap(await cloud.call<{ aedId: string }>('aed', 'ts-suggest-photo', { ...suggestion, photo })))
    expect(cloud.store.find('aeds', { _id: aedId })[0]).toMatchObject({ photo: { status: 'checking' } })
    await release('aeds', aedId)
    expect(await checked('aeds', aedId)).toBe('passed')
    const verified = unwrap(await cloud.call<AedDetail>('aed', 'demo-staff', { action: 'verify', aedId, ...verifyDetails }))
    expect(verified.photo).toMatch(/\/aed-reports\/pharmacy\.jpg\?sign=\w+&t=\d+$/)
    const { aedId: risky } = unwrap(await cloud.call<{ aedId: string }>('aed', 'ts-suggest-risky', { ...suggestion, photo: await upload('ts-suggest-risky', 'risky-pharmacy.jpg') }))
    expect(await checked('aeds', risky)).toBe('rejected')
    expect(unwrap(await cloud.call<AedDetail>('aed', 'demo-staff', { action: 'verify', aedId: risky, ...verifyDetails })).photo).toBeNull()
  })

  test('20 concurrent reports by a brand-new account across 20 AEDs: exactly 5 taken, 5 batches of messages', async () => {
    const aedIds = await Promise.all(Array.from({ length: 20 }, (_unused, i) => ownAed(`限额测试${i}`, 30.5 + i * 0.01, 121.1)))
    const inboxBefore = cloud.docs('inbox').length
    const answers = await Promise.all(aedIds.map((aedId) => cloud.call<AedReport>('aed', 'ts-newcomer', { action: 'report', aedId, kind: 'fault', note: '打不开' })))
    expect(answers.filter((a) => a.ok)).toHaveLength(5)
    expect(answers.filter((a) => !a.ok && a.code === 'RATE_LIMITED')).toHaveLength(15)
    const filed = cloud.docs('aedReports').filter((r) => r.reporterOpenid === 'ts-newcomer')
    expect(filed).toHaveLength(5)
    // Each report taken is acknowledged to the reporter once; staff of 大渡社区 (these AEDs have no
    // guardian) hear of their queue in one message an hour, whatever else came in this hour.
    expect(cloud.docs('inbox').filter((m) => m.openid === 'ts-newcomer')).toHaveLength(5)
    expect(cloud.docs('inbox').length - inboxBefore).toBeLessThanOrEqual(5 + staffOfDadu())
    expect(reportTodos()).toHaveLength(staffOfDadu())
    // Without standing a report only warns (issue 29).
    const flagged = await Promise.all(aedIds.map(async (aedId) => unwrap(await get(aedId)).readiness))
    expect(flagged.filter((r) => r === 'warning')).toHaveLength(5)
    expect(flagged.filter((r) => r === 'out_of_service')).toHaveLength(0)
    expect(cloud.docs('aeds').filter((a) => aedIds.includes(a._id as string) && JSON.stringify(a.history).includes('居民（未核实身份）报告'))).toHaveLength(5)
  })

  test('20 concurrent identical reports of one AED by one person are one report; staff are told once', async () => {
    const aedId = await ownAed('重复报告点', 30.43, 121.03)
    const inboxBefore = cloud.docs('inbox').length
    const answers = await Promise.all(Array.from({ length: 20 }, () => cloud.call<AedReport>('aed', 'ts-double-tap', { action: 'report', aedId, kind: 'fault' }).then(unwrap)))
    expect(new Set(answers.map((a) => a._id)).size).toBe(1)
    expect(cloud.docs('aedReports').filter((r) => r.aedId === aedId)).toHaveLength(1)
    expect(cloud.docs('inbox').length - inboxBefore).toBeLessThanOrEqual(1 + staffOfDadu())
    expect(cloud.docs('inbox').filter((m) => m.openid === 'ts-double-tap')).toHaveLength(1)
    expect(reportTodos()).toHaveLength(staffOfDadu())
    // One daily slot spent: four more reports of other devices are still taken, the fifth is not.
    const others = await Promise.all(Array.from({ length: 5 }, (_unused, i) => ownAed(`重复报告余量${i}`, 30.44 + i * 0.01, 121.04)))
    const more = await Promise.all(others.map((id) => cloud.call('aed', 'ts-double-tap', { action: 'report', aedId: id, kind: 'used' })))
    expect(more.map((a) => a.ok).sort()).toEqual([false, true, true, true, true])
    // Once it is closed, the same person can report the same thing again (on a new day's slot).
    unwrap(await cloud.call('aed', 'demo-staff', { action: 'resolveReport', reportId: answers[0]._id, resolution: '已检查，设备正常' }))
    expect(await cloud.call('aed', 'ts-double-tap', { action: 'report', aedId, kind: 'fault' })).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
    expect(cloud.docs('aedReports').filter((r) => r.aedId === aedId)).toHaveLength(1)
  })

  test('20 concurrent suggestions by one person: exactly 3 taken', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, (_unused, i) => cloud.call('aed', 'ts-suggest-flood', { ...suggestion, name: `建议点${i}` })))
    expect(answers.filter((a) => a.ok)).toHaveLength(3)
    expect(answers.filter((a) => !a.ok && a.code === 'RATE_LIMITED')).toHaveLength(17)
    expect(cloud.docs('aeds').filter((a) => (a.history as Array<{ by: string }>)[0].by === 'ts-suggest-flood')).toHaveLength(3)
  })

  test('不属实: staff or the guardian dismiss a report; readiness is restored, the history says who and when, the reporter is told once', async () => {
    const aedId = await ownAed('误报测试点', 30.45, 121.05)
    const reportId = await reportOn(aedId, 'ts-false-alarm')
    expect(unwrap(await get(aedId))).toMatchObject({ readiness: 'warning', reasons: ['有人报告可能无法使用，待核实'] })
    expect(await cloud.call('aed', 'demo-resident', { action: 'dismissReport', reportId })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const answers = await Promise.all(Array.from({ length: 10 }, () => cloud.call<AedReport>('aed', 'demo-staff', { action: 'dismissReport', reportId, reason: '现场检查设备正常' }).then(unwrap)))
    expect(answers[0]).toMatchObject({ status: 'dismissed', resolution: '经核实，报告的情况不属实：现场检查设备正常' })
    const after = unwrap(await get(aedId))
    expect(after).toMatchObject({ readiness: 'ready', reasons: [], openReports: 0 })
    const staffName = cloud.store.find('users', { _id: 'demo-staff' })[0].displayName as string
    const dismissed = unwrap(await get(aedId, 'demo-staff')).history.filter((h) => h.event === '报告不属实：设备故障')
    expect(dismissed).toEqual([{ at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/), event: '报告不属实：设备故障', by: staffName, note: '现场检查设备正常' }])
    expect(inboxOf('ts-false-alarm', 'aed_report').filter((m) => m.body.includes('不属实'))).toHaveLength(1)

    // The guardian may do it too.
    const guarded = unwrap(await cloud.call<AedDetail>('aed', 'demo-staff', { action: 'save', aedId, communityId: 'dadu', latitude: 30.45, longitude: 121.05, placement: 'outdoor', hours: { always: true }, ...goodDates(), name: '误报测试点', address: '绍兴市柯桥区测试路误报测试点', guardianOpenid: 'demo-volunteer' }))
    const second = await reportOn(guarded._id, 'ts-false-alarm-2')
    expect(unwrap(await cloud.call<AedReport>('aed', 'demo-volunteer', { action: 'dismissReport', reportId: second }))).toMatchObject({ status: 'dismissed', resolution: '经核实，报告的情况不属实' })
    expect(unwrap(await get(aedId)).readiness).toBe('ready')
  })

  test('a report is closed by staff of the community it was made in (their queue) or by those who look after its AED now, nobody else', async () => {
    const now = new Date()
    cloud.store.insert('users', ['dadu', 'yulan', 'gangyue'].map((c) => ({ _id: `ts-staff-of-${c}`, displayName: `${c}工作人员`, roles: ['staff'], homeCommunityId: c, staffCommunityIds: [c], createdAt: now })))
    const aedId = await ownAed('搬迁测试点', 30.46, 121.06)
    const [first, second] = [await reportOn(aedId, 'ts-moved-1'), await reportOn(aedId, 'ts-moved-2')]
    // The device moves to 玉兰; its reports stay in 大渡's queue.
    unwrap(await cloud.call('aed', 'demo-staff', { action: 'save', aedId, communityId: 'yulan', latitude: 30.46, longitude: 121.06, placement: 'outdoor', hours: { always: true }, ...goodDates(), name: '搬迁测试点', address: '绍兴市柯桥区测试路搬迁测试点' }))
    expect(await cloud.call('aed', 'ts-staff-of-gangyue', { action: 'dismissReport', reportId: first })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(cloud.store.find('aedReports', { _id: first })[0]).toMatchObject({ status: 'open' })
    expect(unwrap(await cloud.call<AedReport>('aed', 'ts-staff-of-dadu', { action: 'dismissReport', reportId: first }))).toMatchObject({ status: 'dismissed', communityId: 'dadu' })
    expect(unwrap(await cloud.call<AedReport>('aed', 'ts-staff-of-yulan', { action: 'dismissReport', reportId: second }))).toMatchObject({ status: 'dismissed' })
  })
})

describe('需要处理 (staff list filtered to devices whose readiness is not 设备正常)', () => {
  type Listed = { items: AedDetail[]; total: number }
  const managePage = async (extra: Record<string, unknown>) => unwrap(await cloud.call<Listed>('aed', 'demo-staff', { action: 'manageList', communityId: 'dadu', pageSize: 50, ...extra }))
  async function everyOne(extra: Record<string, unknown>): Promise<AedDetail[]> {
    const all: AedDetail[] = []
    for (let page = 1; ; page++) {
      const { items, total } = await managePage({ ...extra, page })
      all.push(...items)
      if (all.length >= total || items.length === 0) return all
    }
  }

  test('holds exactly the devices the full list shows as not ready, out of service first, and follows a new report', async () => {
    const fine = await ownAed('需要处理测试点', 30.52, 121.1)
    const check = async () => {
      const full = await everyOne({})
      const attention = await everyOne({ attention: true })
      const expected = full.filter((a) => a.readiness !== 'ready').map((a) => a._id)
      expect(full.some((a) => a.readiness === 'ready')).toBe(true)
      expect(attention.map((a) => a._id).sort()).toEqual([...expected].sort())
      const ranks = attention.map((a) => (a.readiness === 'out_of_service' ? 0 : 1))
      expect(ranks).toEqual([...ranks].sort())
      return attention
    }
    const before = await check()
    expect(before.length).toBeGreaterThan(0)
    expect(before.map((a) => a._id)).not.toContain(fine)

    // A fault report by someone with standing (staff of its community) alone makes it need attention (out of service), ahead of the warnings.
    unwrap(await cloud.call('aed', 'demo-staff-2', { action: 'report', aedId: fine, kind: 'fault', note: '屏幕不亮' }))
    const after = await check()
    expect(after.find((a) => a._id === fine)).toMatchObject({ readiness: 'out_of_service' })

    // An inspection more than a cycle ago (monthly) makes it overdue; a fresh one takes it off the list.
    unwrap(await cloud.call('aed', 'demo-staff', inspectOk(fine)))
    expect((await check()).map((a) => a._id)).not.toContain(fine)
    cloud.store.update('aeds', { _id: fine }, { $set: { lastInspection: dayjs(today()).subtract(31, 'day').format('YYYY-MM-DD') } })
    expect((await check()).find((a) => a._id === fine)?.reasons).toContain('超期未巡检')

    // Pages of it add up to the whole, without repeats.
    const paged = [...(await managePage({ attention: true, pageSize: 2, page: 1 })).items, ...(await managePage({ attention: true, pageSize: 2, page: 2 })).items]
    expect(paged.map((a) => a._id)).toEqual((await everyOne({ attention: true })).slice(0, 4).map((a) => a._id))
  })

  test('only staff may ask', async () => {
    for (const openid of ['demo-resident', 'demo-volunteer']) {
      expect(await cloud.call('aed', openid, { action: 'manageList', communityId: 'dadu', attention: true, page: 1, pageSize: 20 })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    }
  })
})
