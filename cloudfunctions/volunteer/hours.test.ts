import dayjs from 'dayjs'
import { todayInChina } from '@/domain/dates'
import type { Page } from '@/domain/contract'
import { periodKeys } from '@/domain/volunteer/ledger'
import type { CertificateCheck, CertificateRequestView, HonourBoard, LedgerEntry, ServiceCertificate, VolunteerProfile, VolunteerTotals } from '@/domain/volunteer/contract'
import { ownedId } from '../_kit/ids'
import { uploadFolderOf } from '../_kit/uploads'
import { wxServerSdk } from '../../localcloud/backend/install'
import { certificatesJob } from '../scheduler/jobs/certificates'
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
  expect(board.items.some((row) => row.me)).toBe(false)
  expect(board.mine).toBeNull()
  expect(unwrap(await volunteer<HonourBoard>('demo-resident', 'honourBoard', { communityId: 'gangyue', period: 'month' })).items).toEqual([])
  expect(await volunteer('demo-resident', 'honourBoard', { communityId: 'dadu', period: 'week' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
})

test('the honour board marks the caller\'s own row, and gives their place below the top 20', async () => {
  const now = new Date()
  const key = periodKeys(now).month
  const rows = Array.from({ length: 25 }, (_unused, i) => ({ _id: `hb:${key}:hb-${i}`, communityId: 'hb', period: 'month', key, openid: `hb-${i}`, displayName: `志*${i}`, hours: 100 - i, applied: {} }))
  cloud.store.insert('communities', [{ _id: 'hb', name: '光荣榜社区', code: 'HB', district: '绍兴市柯桥区', edition: '1.0', location: { latitude: 30.07, longitude: 120.49 }, volunteerApprovalRequired: false }])
  cloud.store.insert('honourTotals', rows)
  const third = unwrap(await volunteer<HonourBoard>('hb-2', 'honourBoard', { communityId: 'hb', period: 'month' }))
  expect(third.items.filter((row) => row.me)).toEqual([{ rank: 3, displayName: '志*2', hours: 98, me: true }])
  expect(third.mine).toEqual({ rank: 3, hours: 98 })
  const below = unwrap(await volunteer<HonourBoard>('hb-23', 'honourBoard', { communityId: 'hb', period: 'month' }))
  expect(below.items).toHaveLength(20)
  expect(below.items.some((row) => row.me)).toBe(false)
  expect(below.mine).toEqual({ rank: 24, hours: 77 })
  expect(JSON.stringify(below)).not.toContain('hb-')
})

const ID = '11010519491231002X'
const requestFor = (openid: string, from: string, to: string, idNumber = ID) => volunteer<CertificateRequestView>(openid, 'requestCertificate', { from, to, idType: 'resident_id', idNumber })

// 民政部令第67号 2020 (谁记录谁证明) and 民发〔2015〕149号 (what a 证明 shows): the volunteer asks; staff of
// their community issue it in the name of its Red Cross organisation; the code verifies it in full.
test('a 证明: the volunteer requests, cannot issue; staff issue it with every required field; the code verifies it', async () => {
  expect(await volunteer('demo-volunteer', 'issueCertificate', { requestId: 'whatever1' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await requestFor('demo-volunteer', yearAgo, todayInChina(), '110105194912310021')).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { idNumber: expect.stringContaining('校验位') } })
  const request = unwrap(await requestFor('demo-volunteer', yearAgo, todayInChina()))
  expect(request).toMatchObject({ status: 'pending', name: '李志强', communityName: '大渡社区', certificate: null })
  expect(request.hours).toBeGreaterThan(0)
  // The full identity number is never stored: only the masked one.
  expect(JSON.stringify(cloud.docs('certificateRequests'))).not.toContain(ID)
  expect(await volunteer('demo-volunteer', 'issueCertificate', { requestId: request._id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(unwrap(await volunteer<Page<CertificateRequestView>>('demo-staff', 'certificateQueue')).items.map((r) => r._id)).toContain(request._id)

  const issued = await Promise.all([1, 2].map(() => volunteer<CertificateRequestView>('demo-staff', 'issueCertificate', { requestId: request._id })))
  expect(issued.every((r) => r.ok)).toBe(true)
  const certificate = unwrap(issued[0]).certificate as ServiceCertificate
  expect(certificate).toMatchObject({
    name: '李志强',
    idType: 'resident_id',
    idNumberMasked: '1101**********002X',
    volunteerNumber: 'DD-V00001',
    number: `DD-${todayInChina().slice(0, 4)}-0001`,
    communityName: '大渡社区',
    from: yearAgo,
    to: todayInChina(),
    issuer: { orgName: '柯桥区大渡社区红十字会', leaderName: '王建明', handlerName: '张敏', sealUrl: null },
  })
  expect(certificate.code).toMatch(/^[A-Z2-7]{12}$/)
  expect(certificate.hours).toBe(certificate.items.reduce((s, i) => s + i.hours, 0))
  // 共N次服务: the seeded 28 h import is an item (a correction) but not a service.
  expect(certificate.services).toBe(certificate.items.filter((i) => !i.content.startsWith('导入线下')).length)
  expect(certificate.services).toBeLessThan(certificate.items.length)
  for (const item of certificate.items) expect(item).toEqual({ serviceFrom: expect.any(String), serviceDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), content: expect.any(String), place: expect.any(String), hours: expect.any(Number) })
  expect(cloud.docs('serviceCertificates').filter((c) => c.requestId === request._id)).toHaveLength(1)
  expect(unwrap(await volunteer<Page<CertificateRequestView>>('demo-volunteer', 'myCertificates')).items[0]).toMatchObject({ status: 'issued', certificate: { code: certificate.code } })

  // Whoever holds the code sees the full name and the items.
  const genuine = unwrap(await volunteer<CertificateCheck>('demo-resident', 'verifyCertificate', { code: certificate.code.toLowerCase() }))
  expect(genuine).toEqual({ genuine: true, certificate })
  const last = certificate.code.slice(-1)
  const altered = `${certificate.code.slice(0, -1)}${last === 'A' ? 'B' : 'A'}`
  expect(unwrap(await volunteer<CertificateCheck>('demo-resident', 'verifyCertificate', { code: altered }))).toEqual({ genuine: false })
  expect(await volunteer('demo-resident', 'verifyCertificate', { code: '0000' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
})

test('requests need recorded hours in the period, are limited per person, and only staff of the community decide them', async () => {
  expect(await requestFor('demo-volunteer', '2020-01-01', '2020-12-31')).toMatchObject({ ok: false, code: 'CONFLICT' })
  expect(await requestFor('demo-resident', yearAgo, todayInChina())).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await requestFor('demo-volunteer', todayInChina(), yearAgo)).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  cloud.store.insert('users', [{ _id: 'staff-gangyue', displayName: '港越工作人员', roles: ['staff'], homeCommunityId: 'gangyue', staffCommunityIds: ['gangyue'], createdAt: new Date() }])
  const request = unwrap(await requestFor('demo-volunteer', yearAgo, todayInChina()))
  expect(await volunteer('staff-gangyue', 'issueCertificate', { requestId: request._id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await volunteer('demo-staff', 'issueCertificate', { requestId: request._id, decision: 'decline' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect(unwrap(await volunteer<CertificateRequestView>('demo-staff', 'issueCertificate', { requestId: request._id, decision: 'decline', reason: '请先补齐活动签到记录' }))).toMatchObject({ status: 'declined', reason: '请先补齐活动签到记录', certificate: null })
  // The first test made one request this month, this one another: 5 a month in all.
  const more = await Promise.all(Array.from({ length: 6 }, () => requestFor('demo-volunteer', yearAgo, todayInChina())))
  expect(more.filter((r) => r.ok)).toHaveLength(3)
  expect(more.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'RATE_LIMITED')).toBe(true)
})

test('certificates volunteers once issued themselves no longer verify and wait for staff to reissue them (update path)', async () => {
  cloud.store.insert('serviceCertificates', [{ _id: 'OLDSELFISSUE', openid: 'demo-volunteer', name: '李志强', communityName: '大渡社区', from: yearAgo, to: todayInChina(), hours: 36, points: 360, issuedAt: new Date(), items: [] }])
  expect(unwrap(await volunteer<CertificateCheck>('demo-resident', 'verifyCertificate', { code: 'OLDSELFISSUE' }))).toEqual({ genuine: false })
  await Promise.all([1, 2].map(() => runJob(certificatesJob)))
  const reissue = cloud.docs('certificateRequests').filter((r) => String(r._id).length > 0 && r.from === yearAgo && r.idType === null)
  expect(reissue).toEqual([expect.objectContaining({ openid: 'demo-volunteer', communityId: 'dadu', status: 'pending' })])
  expect(await runJob(certificatesJob)).toEqual({ done: 0, more: false })
  const view = unwrap(await volunteer<CertificateRequestView>('demo-staff', 'issueCertificate', { requestId: reissue[0]._id }))
  expect(view.certificate).toMatchObject({ idType: null, idNumberMasked: '', issuer: { handlerName: '张敏' } })
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
  // The volunteer hears of each correction that changed their record, and of none that was refused.
  const told = cloud.docs('inbox').filter((m) => m.openid === 'overdraw' && m.kind === 'hours_credited').map((m) => m.body as string)
  expect(told).toHaveLength(2)
  expect(told).toEqual(expect.arrayContaining([expect.stringContaining('+11小时'), expect.stringContaining('-11小时')]))
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
  const asked = unwrap(await requestFor('late-credit', lastMonth.startOf('month').format('YYYY-MM-DD'), lastMonth.endOf('month').format('YYYY-MM-DD')))
  const inPeriod = unwrap(await volunteer<CertificateRequestView>('demo-staff', 'issueCertificate', { requestId: asked._id })).certificate
  expect(inPeriod?.items).toEqual([expect.objectContaining({ hours: 2, serviceDate: served, content: '补记上月敬老探访', place: '大渡社区' })])
  expect(await requestFor('late-credit', todayInChina(), todayInChina())).toMatchObject({ ok: false, code: 'CONFLICT' })
})

// 民发〔2015〕149号: a 证明 carries the issuing organisation's seal. Staff of the community upload its image
// (their own upload only); certificates issued afterwards show it.
test('the seal image: the staff member\'s own upload, then shown on the certificates issued after it', async () => {
  const sdk = wxServerSdk() as { uploadFile(p: object): Promise<{ fileID: string }> }
  const upload = async (openid: string) => (await sdk.uploadFile({ cloudPath: `${uploadFolderOf(openid)}/seals/seal.png`, fileContent: Buffer.from('png') })).fileID
  const settings = { communityId: 'dadu', orgName: '柯桥区大渡社区红十字会', leaderName: '王建明' }
  const someoneElses = await upload('demo-resident')
  expect(await volunteer('demo-staff', 'setCertificateIssuer', { ...settings, sealFileId: someoneElses })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect((cloud.docs('communities').find((c) => c._id === 'dadu')?.certificateIssuer as { sealFileId: unknown }).sealFileId).toBeNull()
  const seal = await upload('demo-staff')
  expect(await volunteer('demo-volunteer', 'setCertificateIssuer', { ...settings, sealFileId: seal })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  unwrap(await volunteer('demo-staff', 'setCertificateIssuer', { ...settings, sealFileId: seal }))
  expect(unwrap(await volunteer<{ sealFileId: string; sealUrl: string }>('demo-staff', 'certificateIssuer', { communityId: 'dadu' }))).toMatchObject({ sealFileId: seal, sealUrl: expect.stringMatching(/^https?:\/\//) })
  // Another staff member keeps the seal as it is when changing the 负责人.
  unwrap(await volunteer('demo-staff-2', 'setCertificateIssuer', { ...settings, leaderName: '王建华', sealFileId: seal }))

  const openid = 'seal-volunteer'
  const profile = unwrap(await volunteer<VolunteerProfile>(openid, 'register', { name: '钱印章', phone: '13957508803', communityId: 'dadu', birthYear: 1990, skills: ['维修'], availability: ['sat-am'] }))
  unwrap(await volunteer('demo-staff', 'correctHours', { volunteerId: profile._id, hours: 1, reason: '补记社区义诊', requestId: 'seal-test-1' }))
  const request = unwrap(await requestFor(openid, yearAgo, todayInChina()))
  const issued = unwrap(await volunteer<CertificateRequestView>('demo-staff', 'issueCertificate', { requestId: request._id })).certificate as ServiceCertificate
  expect(issued.issuer).toMatchObject({ leaderName: '王建华', sealUrl: expect.stringMatching(/^https?:\/\//) })
  expect(unwrap(await volunteer<CertificateCheck>('demo-resident', 'verifyCertificate', { code: issued.code }))).toMatchObject({ genuine: true, certificate: { issuer: { sealUrl: expect.any(String) } } })
})
