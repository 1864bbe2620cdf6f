import dayjs from 'dayjs'
import { todayInChina } from '@/domain/dates'
import type { CertificateCheck, HonourBoard, LedgerEntry, ServiceCertificate, VolunteerProfile, VolunteerTotals } from '@/domain/volunteer/contract'
import { ownedId } from '../_kit/ids'
import { ledgerJob } from '../scheduler/jobs/ledger'
import { runJob } from '../../localcloud/jobs-testing'
import { startTestCloud, unwrap, type TestCloud } from '../../localcloud/testing'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
})
afterAll(() => cloud.stop())

const volunteer = <T>(openid: string, action: string, fields: Record<string, unknown> = {}) => cloud.call<T>('volunteer', openid, { action, ...fields })
const yearAgo = dayjs(todayInChina()).subtract(1, 'year').format('YYYY-MM-DD')

test('mine: profile, totals and the latest ledger entries, the totals equal to the ledger', async () => {
  const mine = unwrap(await volunteer<{ profile: VolunteerProfile; totals: VolunteerTotals; recent: LedgerEntry[] }>('demo-volunteer', 'mine'))
  const ledger = cloud.docs('hoursLedger').filter((e) => e.openid === 'demo-volunteer')
  expect(mine.totals.hours).toBe(ledger.reduce((s, e) => s + (e.hours as number), 0))
  expect(mine.recent[0]).toMatchObject({ source: 'wish', title: '每周陪老人聊聊天', creditedBy: '王秀英' })
  expect(unwrap(await volunteer<{ profile: null; totals: null }>('demo-resident', 'mine'))).toMatchObject({ profile: null, totals: null, recent: [] })
})

test('the honour board ranks a community by hours, shows masked names only, and is empty elsewhere', async () => {
  const board = unwrap(await volunteer<HonourBoard>('demo-resident', 'honourBoard', { communityId: 'dadu', period: 'year' }))
  expect(board).toMatchObject({ communityName: '大渡社区', period: 'year', periodLabel: `${todayInChina().slice(0, 4)}年` })
  expect(board.items.length).toBeGreaterThan(1)
  expect(board.items.map((r) => r.rank)).toEqual(board.items.map((_r, i) => i + 1))
  expect([...board.items].sort((a, b) => b.hours - a.hours)).toEqual(board.items)
  for (const row of board.items) expect(row.displayName).toMatch(/^.\*+$/)
  expect(JSON.stringify(board)).not.toMatch(/1385750|李志强|openid/)
  expect(unwrap(await volunteer<HonourBoard>('demo-resident', 'honourBoard', { communityId: 'gangyue', period: 'month' })).items).toEqual([])
  expect(await volunteer('demo-resident', 'honourBoard', { communityId: 'dadu', period: 'week' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
})

test('a certificate verifies by its code; an altered code does not', async () => {
  const certificate = unwrap(await volunteer<ServiceCertificate>('demo-volunteer', 'issueCertificate', { from: yearAgo, to: todayInChina() }))
  expect(certificate.code).toMatch(/^[A-Z2-7]{12}$/)
  expect(certificate).toMatchObject({ name: '李志强', communityName: '大渡社区' })
  expect(certificate.hours).toBe(certificate.items.reduce((s, i) => s + i.hours, 0))
  expect(certificate.hours).toBeGreaterThan(0)

  const genuine = unwrap(await volunteer<CertificateCheck>('demo-resident', 'verifyCertificate', { code: certificate.code.toLowerCase() }))
  expect(genuine).toEqual({ genuine: true, name: '李**', communityName: '大渡社区', from: yearAgo, to: todayInChina(), hours: certificate.hours, issuedAt: certificate.issuedAt })
  const last = certificate.code.slice(-1)
  const altered = `${certificate.code.slice(0, -1)}${last === 'A' ? 'B' : 'A'}`
  expect(unwrap(await volunteer<CertificateCheck>('demo-resident', 'verifyCertificate', { code: altered }))).toEqual({ genuine: false })
  expect(await volunteer('demo-resident', 'verifyCertificate', { code: '0000' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
})

test('a certificate needs credited hours in the period and a volunteer to ask', async () => {
  expect(await volunteer('demo-volunteer', 'issueCertificate', { from: '2020-01-01', to: '2020-12-31' })).toMatchObject({ ok: false, code: 'CONFLICT' })
  expect(await volunteer('demo-resident', 'issueCertificate', { from: yearAgo, to: todayInChina() })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await volunteer('demo-volunteer', 'issueCertificate', { from: todayInChina(), to: yearAgo })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect(cloud.docs('serviceCertificates').filter((c) => c.openid !== 'demo-volunteer')).toEqual([])
})

test('points per hour follow the community setting (default 10)', async () => {
  const now = new Date()
  cloud.store.insert('volunteers', [
    { _id: ownedId('vo', 'hp-yulan'), openid: 'hp-yulan', status: 'active', name: '吴芳', phone: '13800000001', communityId: 'yulan', skills: ['辅导'], availability: [], intro: '', hours: 0, points: 0, rejectReason: null, registeredAt: now },
    { _id: ownedId('vo', 'hp-dadu'), openid: 'hp-dadu', status: 'active', name: '郑伟', phone: '13800000002', communityId: 'dadu', skills: ['辅导'], availability: [], intro: '', hours: 0, points: 0, rejectReason: null, registeredAt: now },
  ])
  cloud.store.update('communities', { _id: 'yulan' }, { $set: { pointsPerHour: 20 } })
  const correct = (openid: string) => volunteer<LedgerEntry>('demo-staff', 'correctHours', { volunteerId: ownedId('vo', openid), hours: 2, reason: '线下服务补记', requestId: `points-${openid}` })
  expect(unwrap(await correct('hp-yulan'))).toMatchObject({ hours: 2, points: 40, communityName: '玉兰社区' })
  expect(unwrap(await correct('hp-dadu'))).toMatchObject({ hours: 2, points: 20 })
  expect(cloud.store.find('volunteers', { openid: 'hp-yulan' })[0]).toMatchObject({ hours: 2, points: 40 })
})

// 民政部令第67号 2020 (records 真实、准确): a total never goes below zero, however corrections race.
test('20 concurrent −11 h corrections on 11 h leave exactly 0: one passes, the others change nothing', async () => {
  cloud.store.insert('volunteers', [
    { _id: ownedId('vo', 'overdraw'), openid: 'overdraw', status: 'active', name: '钱敏', phone: '13800000003', communityId: 'dadu', skills: ['辅导'], availability: [], intro: '', hours: 0, points: 0, rejectReason: null, registeredAt: new Date() },
  ])
  const correct = (hours: number, requestId: string) => volunteer<LedgerEntry>('demo-staff', 'correctHours', { volunteerId: ownedId('vo', 'overdraw'), hours, reason: '线下服务补记', requestId })
  unwrap(await correct(11, 'overdraw-plus'))
  const results = await Promise.all(Array.from({ length: 20 }, (_unused, i) => correct(-11, `overdraw-minus-${i}`)))
  expect(results.filter((r) => r.ok)).toHaveLength(1)
  for (const refused of results.filter((r) => !r.ok)) expect(refused).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { hours: '最多减少0小时' } })
  expect(cloud.store.find('volunteers', { openid: 'overdraw' })[0]).toMatchObject({ hours: 0, points: 0 })
  const entries = cloud.docs('hoursLedger').filter((e) => e.openid === 'overdraw')
  expect(entries).toHaveLength(2)
  expect(entries.reduce((s, e) => s + (e.hours as number), 0)).toBe(0)
  // A retried request (same id) after the one that passed changes nothing and answers as before.
  const passed = results.findIndex((r) => r.ok)
  expect(await correct(-11, `overdraw-minus-${passed}`)).toMatchObject({ ok: true, data: { hours: -11 } })
  expect(cloud.store.find('volunteers', { openid: 'overdraw' })[0]).toMatchObject({ hours: 0 })
})

// 民政部令第67号 2020 第八条: every record names the day served, the place and the content.
test('records of service: entries written before they carried a service date get one through the update path, once', async () => {
  const at = new Date('2026-03-04T02:00:00Z')
  cloud.store.insert('hoursLedger', [{ _id: 'wish:legacy-1', openid: 'legacy', source: 'wish', sourceId: 'legacy-1', title: '帮忙换灯泡', hours: 1, points: 10, reason: '心愿主人确认完成', communityId: 'yulan', creditedBy: 'x', creditedByName: '居民', at }])
  await Promise.all([1, 2].map(() => runJob(ledgerJob)))
  expect(cloud.store.find('hoursLedger', { _id: 'wish:legacy-1' })[0]).toMatchObject({ serviceFrom: '2026-03-04', serviceDate: '2026-03-04', place: '玉兰社区', content: '帮忙换灯泡' })
  expect(await runJob(ledgerJob)).toEqual({ done: 0, more: false })
  // The seeded ledger already carries them.
  expect(cloud.docs('hoursLedger').every((e) => typeof e.serviceDate === 'string' && typeof e.place === 'string' && typeof e.content === 'string')).toBe(true)
})

test('a certificate goes by the service date, not the day the hours were credited', async () => {
  cloud.store.insert('users', [{ _id: 'late-credit', displayName: '何静', roles: ['volunteer'], homeCommunityId: 'dadu', staffCommunityIds: [], createdAt: new Date() }])
  cloud.store.insert('volunteers', [
    { _id: ownedId('vo', 'late-credit'), openid: 'late-credit', status: 'active', name: '何静', phone: '13800000004', communityId: 'dadu', skills: ['辅导'], availability: [], intro: '', hours: 0, points: 0, rejectReason: null, registeredAt: new Date() },
  ])
  const served = dayjs(todayInChina()).subtract(40, 'day').format('YYYY-MM-DD')
  unwrap(await volunteer<LedgerEntry>('demo-staff', 'correctHours', { volunteerId: ownedId('vo', 'late-credit'), hours: 2, reason: '补记上月敬老探访', requestId: 'late-credit-1', serviceDate: served }))
  const lastMonth = dayjs(served)
  const inPeriod = unwrap(await volunteer<ServiceCertificate>('late-credit', 'issueCertificate', { from: lastMonth.startOf('month').format('YYYY-MM-DD'), to: lastMonth.endOf('month').format('YYYY-MM-DD') }))
  expect(inPeriod.items).toEqual([expect.objectContaining({ hours: 2, serviceDate: served, content: '补记上月敬老探访', place: '大渡社区' })])
  expect(await volunteer('late-credit', 'issueCertificate', { from: todayInChina(), to: todayInChina() })).toMatchObject({ ok: false, code: 'CONFLICT' })
})
