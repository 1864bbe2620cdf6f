import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import type { CommunityHome } from '@/domain/community/home'
import { todayInChina } from '@/domain/dates'
import { isYouth } from '@/domain/member/age'
import type { CommunityStats, DistrictStats } from '@/domain/stats/contract'
import { runAs } from '../../localcloud/backend/identity'
import { runJob } from '../../localcloud/jobs-testing'
import { startTestCloud, unwrap, type TestCloud } from '../../localcloud/testing'
import { ownedId } from '../_kit/ids'
import { credit } from '../_kit/ledger'
import { LESSON_LIBRARY } from '../lesson/library'
import { statsJob, wantedStatsJob } from '../scheduler/jobs/stats'
import { REQUESTS_PER_COMMUNITY } from './recompute'

dayjs.extend(utc)

let cloud: TestCloud
const DISTRICT = '测试市南湖区'
const A = 'st-a'
const B = 'st-b'
const STAFF = 'st-staff'
const DISTRICT_STAFF = 'st-district'
const OTHER_DISTRICT = 'st-district-other'
const today = todayInChina()
const YEAR = Number(today.slice(0, 4))
const inYear = (mmdd: string) => `${YEAR}-${mmdd}`
const stats = (communityId: string, year = YEAR) => cloud.call<CommunityStats>('stats', 'st-anyone', { action: 'community', communityId, year })

beforeAll(async () => {
  cloud = await startTestCloud()
  const now = new Date()
  cloud.store.insert('communities', [
    { _id: A, name: '甲社区', code: 'SA', district: DISTRICT, edition: '3.0', location: { latitude: 30.07, longitude: 120.49 }, volunteerApprovalRequired: false },
    { _id: B, name: '乙社区', code: 'SB', district: DISTRICT, edition: '1.0', location: { latitude: 30.08, longitude: 120.5 }, volunteerApprovalRequired: false },
  ])
  cloud.store.insert('users', [
    { _id: STAFF, displayName: '钱会计', roles: ['staff'], homeCommunityId: A, staffCommunityIds: [A, B], createdAt: now },
    { _id: DISTRICT_STAFF, displayName: '周主任', roles: ['district'], homeCommunityId: null, staffCommunityIds: [], districts: [DISTRICT], createdAt: now },
    { _id: OTHER_DISTRICT, displayName: '别区', roles: ['district'], homeCommunityId: null, staffCommunityIds: [], districts: ['绍兴市越城区'], createdAt: now },
  ])
})
afterAll(() => cloud.stop())

/** The daily sweep of a new day: the place kept by the last one (on the job's mark) is forgotten. */
async function dailySweep(): Promise<void> {
  cloud.store.remove('jobMarks', { _id: 'stats' })
  await runJob(statsJob)
}

/** What the write paths leave behind, for the parts of the sequence whose flows other suites drive end to end. */
function scriptData() {
  const now = new Date()
  const application = (i: number, communityId: string, status: string, birthDate: string) => ({
    _id: `st-app-${i}`, openid: `st-member-${i}`, communityId, status, name: '会员', birthDate, submittedAt: now, joinedAt: status === 'approved' ? now : null, idHash: `h${i}`,
  })
  const youngBirth = `${YEAR - 10}-06-01`
  cloud.store.insert('applications', [
    application(1, A, 'approved', '1960-01-01'),
    application(2, A, 'approved', youngBirth),
    application(3, A, 'pending', '1970-01-01'),
    application(4, A, 'rejected', '1970-01-01'),
    application(5, B, 'approved', '1980-01-01'),
    application(6, A, 'approved', `${YEAR - 17}-01-01`),
  ])
  cloud.store.insert('users', ['st-member-1', 'st-member-2', 'st-vol-1', 'st-vol-2', 'st-vol-3'].map((_id) => ({ _id, displayName: '居民', roles: [], homeCommunityId: A, staffCommunityIds: [], createdAt: now })))
  const volunteer = (openid: string, communityId: string, status: string) => ({ _id: ownedId('vo', openid), openid, status, name: '王志愿', phone: '13800000000', communityId, hours: 0, points: 0, registeredAt: now })
  cloud.store.insert('volunteers', [volunteer('st-vol-1', A, 'active'), volunteer('st-vol-2', A, 'active'), volunteer('st-vol-3', A, 'pending'), volunteer('st-vol-4', B, 'active')])
  const wish = (i: number, status: string, createdAt: Date) => ({ _id: `st-wish-${i}`, ownerOpenid: 'st-member-1', title: `心愿${i}`, category: '生活帮扶', communityId: A, status, rank: status === 'open' ? 0 : 3, createdAt, images: [], history: [] })
  cloud.store.insert('wishes', [wish(1, 'open', now), wish(2, 'completed', now), wish(3, 'pending_review', now), wish(4, 'completed', new Date(`${YEAR - 1}-06-01T00:00:00Z`))])
  const cert = (i: number, validUntil: string) => ({ _id: `st-cert-${i}`, openid: `st-member-${i}`, communityId: A, number: `N${i}`, validUntil, issuedOn: '2024-01-01', remindedOn: null })
  cloud.store.insert('certificates', [cert(1, `${YEAR + 3}-01-01`), cert(2, `${YEAR - 1}-01-01`), cert(3, today)])
  const signup = (i: number, status: string) => ({ _id: `st-su-${i}`, openid: `st-member-${i}`, communityId: A, sessionId: 'st-session', status, name: '学员', phone: '13800000000' })
  cloud.store.insert('signups', [signup(1, 'passed'), signup(2, 'attended'), signup(3, 'signed'), signup(4, 'cancelled'), signup(5, 'failed')])
  const aed = (i: number, verified: boolean, padsExpiry: string) => ({ _id: `st-aed-${i}`, name: `AED${i}`, communityId: A, verified, status: 'available', padsExpiry, batteryExpiry: `${YEAR + 2}-01-01`, lastInspection: today, location: { type: 'Point', coordinates: [120.49, 30.07] }, history: [] })
  cloud.store.insert('aeds', [aed(1, true, `${YEAR + 2}-01-01`), aed(2, true, `${YEAR - 1}-01-01`), aed(3, false, `${YEAR + 2}-01-01`)])
  // 紧急呼 as the rescue function leaves them: two real alerts this year (3 and 1 accepted), a drill, one last year.
  const alert = (i: number, drill: boolean, accepted: number, raisedAt: Date) => ({ _id: `st-alert-${i}`, raiserOpenid: null, communityId: A, kind: 'cardiac_arrest', drill, location: null, note: null, status: 'closed', raisedAt, accepted, alerted: 10 })
  cloud.store.insert('rescueAlerts', [alert(1, false, 3, now), alert(2, false, 1, now), alert(3, true, 5, now), alert(4, false, 2, new Date(`${YEAR - 1}-06-01T00:00:00Z`))])
  cloud.store.insert('activities', [
    { _id: 'st-act-1', communityId: A, title: '应急救护培训', startAt: new Date(Date.now() + 86_400_000), endAt: new Date(Date.now() + 90_000_000), status: 'open', location: { latitude: 30.07, longitude: 120.49, address: '社区活动室' } },
    { _id: 'st-act-2', communityId: A, title: '已取消的活动', startAt: new Date(Date.now() + 86_400_000), endAt: new Date(Date.now() + 90_000_000), status: 'cancelled', location: { latitude: 30.07, longitude: 120.49, address: '社区活动室' } },
  ])
}

const credited = (id: string, openid: string, hours: number, serviceDate: string) =>
  runAs({ openid: STAFF, appid: 'test' }, () =>
    credit({ _id: id, openid, source: 'activity', sourceId: id, title: '服务', hours, reason: '', communityId: A, creditedBy: STAFF, creditedByName: '钱会计', serviceFrom: serviceDate, serviceDate, place: '社区', content: '服务' }),
  )

/** The figures counted in the test from every stored document, without the function's queries. */
function countedIndependently(communityId: string) {
  const docs = (c: string) => cloud.docs(c).filter((d) => d.communityId === communityId)
  const approved = docs('applications').filter((d) => d.status === 'approved')
  const ledger = docs('hoursLedger').filter((d) => String(d.serviceDate).startsWith(String(YEAR)))
  const months = Array.from({ length: 12 }, (_u, i) => ledger.filter((d) => Number(String(d.serviceDate).slice(5, 7)) === i + 1).reduce((s, d) => s + Number(d.hours), 0))
  const yearOf = (d: Record<string, unknown>) => new Date(d.createdAt as string).getTime() >= new Date(`${YEAR}-01-01T00:00:00+08:00`).getTime()
  const byPerson = new Map<string, number>()
  for (const d of ledger) byPerson.set(String(d.openid), (byPerson.get(String(d.openid)) ?? 0) + Number(d.hours))
  const activeVolunteers = docs('volunteers').filter((d) => d.status === 'active')
  const head = cloud.docs('fundHeads').find((d) => d._id === communityId)
  return {
    members: approved.length,
    youthMembers: approved.filter((d) => isYouth(String(d.birthDate), today)).length,
    volunteers: activeVolunteers.length,
    registeredVolunteers: activeVolunteers.filter((v) => (byPerson.get(String(v.openid)) ?? 0) >= 20).length,
    hours: months.reduce((s, h) => s + h, 0),
    hoursByMonth: months,
    wishesPosted: docs('wishes').filter(yearOf).length,
    wishesCompleted: docs('wishes').filter((d) => yearOf(d) && d.status === 'completed').length,
    rescuers: docs('certificates').filter((d) => String(d.validUntil) >= today).length,
    reached: docs('signups').filter((d) => ['attended', 'passed', 'failed'].includes(String(d.status))).length,
    rescueAlerts: docs('rescueAlerts').filter((d) => !d.drill && new Date(d.raisedAt as string).getFullYear() === YEAR).length,
    rescueResponses: docs('rescueAlerts').filter((d) => !d.drill && new Date(d.raisedAt as string).getFullYear() === YEAR).reduce((s, d) => s + Number(d.accepted), 0),
    lessonsPassed: docs('lessonProgress').filter((d) => d.passedAt && new Date(d.passedAt as string).getTime() >= new Date(`${YEAR}-01-01T00:00:00+08:00`).getTime()).length,
    aeds: docs('aeds').filter((d) => d.verified).length,
    aedsReady: docs('aeds').filter((d) => d.verified && String(d.padsExpiry) >= today).length,
    fundBalanceFen: Number(head?.balanceFen ?? 0),
  }
}

test('家园数据 equal the counts of the stored data after a scripted year, with a member who leaves, an account deleted and a correction', async () => {
  scriptData()
  // Before the first run: the community is known, nothing counted yet.
  expect(unwrap(await stats(A))).toMatchObject({ communityName: '甲社区', computedAt: null, figures: { members: 0 } })

  // Hours credited through the ledger's own write path, in two months; one volunteer passes 20 h.
  await credited('st-l1', 'st-vol-1', 12, inYear('01-10'))
  await credited('st-l2', 'st-vol-1', 10, inYear('02-10'))
  await credited('st-l3', 'st-vol-2', 5, inYear('02-11'))
  await credited('st-l4', 'st-vol-2', 3, `${YEAR - 1}-12-30`)
  // A correction by staff takes 1.5 h back in January.
  unwrap(await cloud.call('volunteer', STAFF, { action: 'correctHours', volunteerId: ownedId('vo', 'st-vol-1'), hours: -1.5, reason: '重复登记', serviceDate: inYear('01-10'), requestId: 'st-correction-1' }))
  // Fund entries recorded by staff.
  const record = (amountFen: number, kind: 'income' | 'expense', requestId: string) =>
    cloud.call('fund', STAFF, { action: 'record', communityId: A, kind, amountFen, date: today, category: kind === 'income' ? '个人捐赠' : '大病', party: kind === 'income' ? '' : '张建国', channel: '银行转账', reference: 'R-1', requestId })
  unwrap(await record(80_000, 'income', 'st-fund-0001'))
  unwrap(await record(30_000, 'expense', 'st-fund-0002'))
  // Residents of A pass lessons' quizzes through the lesson function (twice the same lesson counts once).
  const pass = (openid: string, lessonId: string) => {
    const lesson = LESSON_LIBRARY.find((l) => l._id === lessonId)!
    return cloud.call('lesson', openid, { action: 'submitQuiz', lessonId, answers: Object.fromEntries(lesson.quiz.map((q) => [q.id, q.answer])) })
  }
  unwrap(await pass('st-member-1', 'cpr-adult'))
  unwrap(await pass('st-member-1', 'cpr-adult'))
  unwrap(await pass('st-vol-1', 'heatstroke'))
  // A member leaves; a volunteer deletes their account (their hours stay, anonymous).
  unwrap(await cloud.call('member', 'st-member-2', { action: 'leave', confirm: true }))
  unwrap(await cloud.call('user', 'st-vol-2', { action: 'deleteAccount', confirm: true }))

  await dailySweep()
  const shown = unwrap(await stats(A))
  const expected = countedIndependently(A)
  const { hoursByMonth, ...figures } = expected
  expect(shown.figures).toEqual(figures)
  expect(shown.hoursByMonth).toEqual(hoursByMonth)
  // The sequence did move every figure (the check above is not about zeros).
  expect(figures).toMatchObject({ members: 2, youthMembers: 1, volunteers: 1, registeredVolunteers: 1, hours: 25.5, wishesPosted: 3, wishesCompleted: 1, rescuers: 2, reached: 3, lessonsPassed: 2, rescueAlerts: 2, rescueResponses: 4, aeds: 2, aedsReady: 1, fundBalanceFen: 50_000 })
  expect(shown.computedAt).not.toBeNull()
})

test('a second run derives the same figures (idempotent), at a fixed number of requests a community', async () => {
  const figures = () => cloud.docs('stats').find((d) => d._id === `${A}:${YEAR}`)?.figures
  const before = figures()
  cloud.usage.reset()
  await dailySweep()
  const { reads, writes } = cloud.usage.report().total
  // Its place (read, then kept), the communities, and each community's recompute.
  expect(reads + writes).toBeLessThanOrEqual(3 + cloud.docs('communities').length * REQUESTS_PER_COMMUNITY)
  expect(figures()).toEqual(before)
})

describe('targets and the district', () => {
  test('the district sets targets; completion as the seeds report it (1,435 / 2,771 = 51.79%)', async () => {
    const set = unwrap(await cloud.call<CommunityStats>('stats', DISTRICT_STAFF, { action: 'setTargets', communityId: A, year: YEAR, targets: { rescuers: 4, members: 3 } }))
    expect(set.targets).toEqual({ rescuers: 4, members: 3 })
    expect(set.completion).toEqual({ rescuers: 50, members: 66.67 })
    // Setting targets keeps the figures the job derived.
    expect(set.figures.rescuers).toBe(2)
  })

  test.each([
    ['staff', STAFF],
    ['a resident', 'st-anyone'],
    ['another district', OTHER_DISTRICT],
  ])('%s cannot set targets, and nothing changes', async (_label, openid) => {
    const before = JSON.stringify(cloud.docs('stats'))
    expect(await cloud.call('stats', openid, { action: 'setTargets', communityId: A, year: YEAR, targets: { rescuers: 99 } })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(JSON.stringify(cloud.docs('stats'))).toBe(before)
  })

  test('bad targets are INVALID_INPUT', async () => {
    for (const targets of [{ rescuers: -1 }, { rescuers: 1.5 }, { unknown: 3 }]) {
      expect(await cloud.call('stats', DISTRICT_STAFF, { action: 'setTargets', communityId: A, year: YEAR, targets })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    }
  })

  test('the district table compares its communities and sums them; anyone may read it; CSV for the district only', async () => {
    const table = unwrap(await cloud.call<DistrictStats>('stats', 'st-anyone', { action: 'district', year: YEAR, district: DISTRICT }))
    expect(table.communities.map((c) => c.communityName)).toEqual(['甲社区', '乙社区'])
    expect(table.total.members).toBe(table.communities.reduce((s, c) => s + c.figures.members, 0))
    expect(table.total.members).toBe(3)
    expect(table.targets).toEqual({ rescuers: 4, members: 3 })
    // Public figures only: no person appears anywhere in the answer.
    expect(JSON.stringify(table)).not.toMatch(/st-member|st-vol|openid/)
    // The district's own staff get their district without naming it.
    expect(unwrap(await cloud.call<DistrictStats>('stats', DISTRICT_STAFF, { action: 'district', year: YEAR })).district).toBe(DISTRICT)

    const csv = unwrap(await cloud.call<{ csv: string; rows: number }>('stats', DISTRICT_STAFF, { action: 'export', year: YEAR }))
    expect(csv.rows).toBe(3)
    expect(csv.csv).toContain('甲社区')
    expect(csv.csv).toContain('合计')
    expect(await cloud.call('stats', STAFF, { action: 'export', year: YEAR, district: DISTRICT })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await cloud.call('stats', OTHER_DISTRICT, { action: 'export', year: YEAR, district: DISTRICT })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('cost of a view', () => {
  const requestsOf = async (call: () => Promise<unknown>) => {
    cloud.usage.reset()
    await call()
    const total = cloud.usage.report().total
    return total.reads + total.writes
  }

  test('stats.community and community.home each take at most 3 database requests', async () => {
    expect(await requestsOf(() => stats(A))).toBeLessThanOrEqual(3)
    expect(await requestsOf(() => cloud.call('community', 'st-anyone', { action: 'home', communityId: A }))).toBeLessThanOrEqual(3)
  })

  test('the home page: next activities (not cancelled), wishes waiting, the fund and three figures', async () => {
    const home = unwrap(await cloud.call<CommunityHome>('community', 'st-anyone', { action: 'home', communityId: A }))
    expect(home.activities.map((a) => a.title)).toEqual(['应急救护培训'])
    expect(home.wishes.map((w) => w.title)).toEqual(['心愿1'])
    expect(home.fundBalanceFen).toBe(50_000)
    expect(home.figures).toEqual({ members: 2, volunteers: 1, hours: 25.5 })
  })
})

describe('家园数据 daily, and within the hour where someone looks (#25)', () => {
  const statsDoc = (communityId: string) => cloud.docs('stats').find((d) => d._id === `${communityId}:${YEAR}`) as Record<string, unknown> & { figures: { volunteers: number } }
  const usageOf = async (call: () => Promise<unknown>) => {
    cloud.usage.reset()
    await call()
    return cloud.usage.report().total
  }
  const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000)

  test('the hourly run derives again only the figures someone viewed when they were an hour old; finding none costs one read', async () => {
    await dailySweep()
    const before = { a: statsDoc(A).figures.volunteers, b: statsDoc(B).figures.volunteers }
    // Both communities gain an active volunteer; their figures are two hours old.
    const now = new Date()
    cloud.store.insert('volunteers', [A, B].map((communityId) => ({ _id: ownedId('vo', `st-new-${communityId}`), openid: `st-new-${communityId}`, status: 'active', name: '新志愿', phone: '13800000000', communityId, hours: 0, points: 0, registeredAt: now })))
    for (const communityId of [A, B]) cloud.store.update('stats', { _id: `${communityId}:${YEAR}` }, { $set: { computedAt: hoursAgo(2) } })

    // Nobody looked: the run reads once and changes nothing.
    expect(await usageOf(() => runJob(wantedStatsJob))).toMatchObject({ reads: 1, writes: 0 })
    expect(statsDoc(A).figures.volunteers).toBe(before.a)

    // A view of A's old figures asks for them (one write), a second view does not ask again.
    expect((await usageOf(() => stats(A))).writes).toBe(1)
    expect((await usageOf(() => cloud.call('community', 'st-anyone', { action: 'home', communityId: A }))).writes).toBe(0)
    expect(statsDoc(A).wanted).toBe(true)

    await runJob(wantedStatsJob)
    expect(statsDoc(A).figures.volunteers).toBe(before.a + 1)
    expect(statsDoc(A).wanted).toBe(false)
    // B, unseen, waits for the daily run.
    expect(statsDoc(B).figures.volunteers).toBe(before.b)
    await dailySweep()
    expect(statsDoc(B).figures.volunteers).toBe(before.b + 1)
  })

  test('a view of figures derived within the hour writes nothing', async () => {
    await dailySweep()
    expect((await usageOf(() => cloud.call('community', 'st-anyone', { action: 'home', communityId: A }))).writes).toBe(0)
    expect((await usageOf(() => stats(B))).writes).toBe(0)
  })

  test('the home section of a community with no figures yet asks for them, once', async () => {
    cloud.store.insert('communities', [{ _id: 'st-c', name: '丙社区', code: 'SC', district: DISTRICT, edition: '2.0', location: { latitude: 30.09, longitude: 120.51 }, volunteerApprovalRequired: false }])
    const first = await usageOf(() => cloud.call('community', 'st-anyone', { action: 'home', communityId: 'st-c' }))
    expect(first.writes).toBe(1)
    expect(statsDoc('st-c')).toMatchObject({ communityName: '丙社区', wanted: true, computedAt: null })
    expect((await usageOf(() => cloud.call('community', 'st-anyone', { action: 'home', communityId: 'st-c' }))).writes).toBe(0)
    await runJob(wantedStatsJob)
    expect(statsDoc('st-c')).toMatchObject({ wanted: false })
    expect(statsDoc('st-c').computedAt).not.toBeNull()
  })
})

test('the daily sweep keeps its place over runs, so a district of any size is gone through once a day (#25)', async () => {
  // Figures spoiled by hand: a community the sweep reached has them derived again.
  const spoil = () => cloud.docs('communities').forEach((c) => cloud.store.update('stats', { _id: `${c._id}:${YEAR}` }, { $set: { 'figures.aeds': -1 } }))
  const reached = () => cloud.docs('stats').filter((d) => d.year === YEAR && (d.figures as { aeds: number }).aeds !== -1).map((d) => d.communityId as string).sort()
  cloud.store.remove('jobMarks', { _id: 'stats' })
  const communities = cloud.docs('communities').map((c) => c._id as string).sort()
  expect(communities.length).toBeGreaterThan(4)
  spoil()
  // A batch of two: the first run does the first two communities in _id order and says there is more.
  expect(await runJob(statsJob, { batch: 2 })).toEqual({ done: 2, more: true })
  expect(reached()).toEqual(communities.slice(0, 2))
  // The next run goes on from there, not from the start.
  spoil()
  expect(await runJob(statsJob, { batch: 2 })).toEqual({ done: 2, more: true })
  expect(reached()).toEqual(communities.slice(2, 4))
  // And so on until the day's sweep is through.
  let runs = 2
  for (let more = true; more; runs += 1) more = (await runJob(statsJob, { batch: 2 })).more
  expect(runs).toBe(Math.ceil((communities.length + 1) / 2))
  // Through for the day: a further run derives nothing, and the mark sleeps until the next 09:00 China time.
  spoil()
  expect(await runJob(statsJob, { batch: 2 })).toEqual({ done: 0, more: false })
  expect(reached()).toEqual([])
  const next = (await statsJob.next!())!
  expect(dayjs(next).utcOffset(480).format('HH:mm')).toBe('09:00')
  expect(next.getTime() - Date.now()).toBeLessThanOrEqual(24 * 3_600_000)
  await dailySweep()
})
