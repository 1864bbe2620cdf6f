import type { ActivityView, AttendanceRow, RotatingCode } from '@/domain/activity/contract'
import type { Page } from '@/domain/contract'
import type { LedgerEntry, VolunteerProfile, VolunteerTotals } from '@/domain/volunteer/contract'
import { ownedId } from '../_kit/ids'
import { currentCode } from './code'
import { activityJob } from '../scheduler/jobs/activity'
import { runJob } from '../../localcloud/jobs-testing'
import { startTestCloud, TEST_DB_LATENCY, unwrap, type TestCloud } from '../../localcloud/testing'

let cloud: TestCloud
const CROWD = Array.from({ length: 200 }, (_unused, i) => `av-${i}`)
const MINUTE = 60_000
const SITE = { latitude: 30.0656, longitude: 120.5068, address: '大渡社区博爱家园' }

beforeAll(async () => {
  cloud = await startTestCloud()
  const now = new Date()
  cloud.store.insert('users', CROWD.map((id, i) => ({ _id: id, displayName: `志愿者${i}`, roles: ['volunteer'], homeCommunityId: 'dadu', staffCommunityIds: [], createdAt: now })))
  cloud.store.insert('volunteers', CROWD.map((openid, i) => ({ _id: ownedId('vo', openid), openid, status: 'active', name: `王小${i}`, phone: '13800000000', communityId: 'dadu', skills: ['维修'], availability: [], intro: '', hours: 0, points: 0, rejectReason: null, registeredAt: now })))
})
afterAll(() => cloud.stop())

const call = <T = ActivityView>(openid: string, action: string, fields: Record<string, unknown> = {}) => cloud.call<T>('activity', openid, { action, ...fields })
const inMinutes = (m: number) => new Date(Date.now() + m * MINUTE).toISOString()
const create = (overrides: Record<string, unknown> = {}) =>
  call('demo-staff', 'create', {
    title: '社区义诊志愿服务',
    type: 'clinic',
    description: '协助医生为老人量血压、测血糖，维持现场秩序。',
    communityId: 'dadu',
    location: SITE,
    startAt: inMinutes(20),
    endAt: inMinutes(140),
    signupDeadline: inMinutes(10),
    capacity: 20,
    hours: 2,
    ...overrides,
  })
const activityDoc = (id: string) => cloud.store.find('activities', { _id: id })[0]
const signupDoc = (activityId: string, openid: string) => cloud.store.find('activitySignups', { _id: `${activityId}:${openid}` })[0]
/** Moves an activity (and its sign-ups' copies) so that it started `ago` minutes ago and lasts `length`. */
function shift(activityId: string, ago: number, length: number) {
  const startAt = new Date(Date.now() - ago * MINUTE)
  const endAt = new Date(startAt.getTime() + length * MINUTE)
  cloud.store.update('activities', { _id: activityId }, { $set: { startAt, endAt, signupDeadline: startAt } })
  cloud.store.update('activitySignups', { activityId }, { $set: { startAt, endAt } })
}
const ledgerOf = (openid: string) => cloud.docs('hoursLedger').filter((e) => e.openid === openid)
const volunteerOf = (openid: string) => cloud.store.find('volunteers', { openid })[0] as unknown as { hours: number; points: number }

describe('create', () => {
  test('staff of the community publish; others are refused and nothing is stored', async () => {
    const created = unwrap(await create())
    expect(created).toMatchObject({ status: 'open', placesLeft: 20, signedUp: 0, checkInRadiusMeters: 300, minCoverage: 0.6, manageable: true, communityName: '大渡社区', organiserName: '张敏' })
    expect(JSON.stringify(created)).not.toContain('codeSecret')
    const before = cloud.docs('activities').length
    expect(await cloud.call('activity', 'demo-volunteer', { action: 'create', title: '社区义诊志愿服务', type: 'clinic', description: '协助医生', communityId: 'dadu', location: SITE, startAt: inMinutes(20), endAt: inMinutes(140), signupDeadline: inMinutes(10), capacity: 5, hours: 2 })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(cloud.docs('activities')).toHaveLength(before)
  })

  test.each([
    ['end before start', { endAt: inMinutes(10) }, 'endAt'],
    ['deadline after start', { signupDeadline: inMinutes(30) }, 'signupDeadline'],
    ['zero capacity', { capacity: 0 }, 'capacity'],
    ['odd hours', { hours: 1.3 }, 'hours'],
    ['unknown type', { type: 'party' }, 'type'],
    // 民政部令第67号 2020 (真实、准确): planned hours longer than the activity (2 h here) are refused.
    ['planned hours longer than the activity', { hours: 2.5 }, 'hours'],
    // 《志愿服务条例》2017 第十七条: risky kinds need the volunteers' 人身意外伤害保险 recorded first.
    ['防汛值守 without insurance', { type: 'flood_watch' }, 'insurance'],
    ['防汛值守 insured for another period', { type: 'flood_watch', insurance: { insurer: '某保险公司', policyNo: 'PA-2026-001', from: '2020-01-01', to: '2020-12-31' } }, 'insurance'],
  ])('bad input (%s) → INVALID_INPUT, nothing stored', async (_label, overrides, field) => {
    const before = cloud.docs('activities').length
    const result = await create(overrides)
    expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(!result.ok && result.fields).toHaveProperty(field)
    expect(cloud.docs('activities')).toHaveLength(before)
  })
})

test('a risky kind is published once insured for its days, and volunteers see the policy (条例 2017 第十七条)', async () => {
  const day = new Date(Date.now() + 20 * MINUTE)
  const china = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
  const insurance = { insurer: '某保险公司', policyNo: 'PA-2026-001', from: china(day), to: china(new Date(day.getTime() + 2 * 3600_000)) }
  const created = unwrap(await create({ type: 'flood_watch', insurance }))
  expect(created.insurance).toEqual(insurance)
  expect(unwrap(await call('av-3', 'get', { activityId: created._id })).insurance).toEqual(insurance)
})

describe('signup', () => {
  test(`200 volunteers sign up at once for 20 places (DB latency ${TEST_DB_LATENCY} ms): exactly 20 get in, nobody twice`, async () => {
    const activity = unwrap(await create({ capacity: 20 }))
    const started = Date.now()
    // Every volunteer taps twice: 400 concurrent requests.
    const results = await Promise.all([...CROWD, ...CROWD].map((openid) => call(openid, 'signup', { activityId: activity._id })))
    const took = Date.now() - started
    const signedUp = cloud.docs('activitySignups').filter((s) => s.activityId === activity._id && s.status === 'signed_up')
    expect(signedUp).toHaveLength(20)
    expect(new Set(signedUp.map((s) => s.openid)).size).toBe(20)
    const doc = activityDoc(activity._id)
    expect(doc.placesLeft).toBe(0)
    expect(Object.keys(doc.seats as object)).toHaveLength(20)
    expect(unwrap(await call('demo-staff', 'get', { activityId: activity._id })).signedUp).toBe(20)
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'CONFLICT')).toBe(true)
    console.info(`[concurrency] 400 sign-up requests (200 people × 2) for 20 places: 20 stored, ${took} ms, DB latency ${TEST_DB_LATENCY} ms`)

    // Cancelling frees exactly one place, however often it is repeated.
    const leaver = signedUp[0].openid as string
    await Promise.all([1, 2, 3].map(() => call(leaver, 'cancelSignup', { activityId: activity._id })))
    expect(activityDoc(activity._id).placesLeft).toBe(1)
    const outsider = CROWD.find((id) => !signedUp.some((s) => s.openid === id)) as string
    expect(unwrap(await call(outsider, 'signup', { activityId: activity._id })).mySignup?.status).toBe('signed_up')
    expect(activityDoc(activity._id).placesLeft).toBe(0)
    expect(await call(leaver, 'signup', { activityId: activity._id })).toMatchObject({ ok: false, code: 'CONFLICT' })
  }, 60_000)

  test('a cancel cut off before it gave the seat back, then signing up again: the place is counted once', async () => {
    const activity = unwrap(await create({ capacity: 3 }))
    unwrap(await call('av-50', 'signup', { activityId: activity._id }))
    // As if cancelSignup stopped after marking the sign-up cancelled.
    cloud.store.update('activitySignups', { _id: `${activity._id}:av-50` }, { $set: { status: 'cancelled' } })
    expect(activityDoc(activity._id).placesLeft).toBe(2)
    unwrap(await call('av-50', 'signup', { activityId: activity._id }))
    expect(activityDoc(activity._id).placesLeft).toBe(2)
    // Signing up and cancelling again and again, concurrently: the count always matches the seats.
    for (let round = 0; round < 5; round++) {
      await Promise.all([call('av-50', 'cancelSignup', { activityId: activity._id }), call('av-50', 'signup', { activityId: activity._id })])
      const doc = activityDoc(activity._id)
      const seats = Object.keys(doc.seats as object).length
      expect(doc.placesLeft).toBe(3 - seats)
      const status = signupDoc(activity._id, 'av-50').status
      expect(seats).toBe(status === 'signed_up' ? 1 : 0)
    }
    unwrap(await call('av-50', 'cancelSignup', { activityId: activity._id }))
    expect(activityDoc(activity._id)).toMatchObject({ placesLeft: 3, seats: {} })
  })

  test('only active volunteers; closed after the deadline; a certificate when required', async () => {
    const activity = unwrap(await create({ capacity: 5 }))
    expect(await call('demo-resident', 'signup', { activityId: activity._id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const teaching = unwrap(await create({ type: 'first_aid_assist', requiresCertificate: true }))
    const refused = await call('av-0', 'signup', { activityId: teaching._id })
    expect(refused).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(!refused.ok && refused.message).toContain('救护员证')
    // A certificate whose number is still 待补录 (generated by an older version) does not count yet.
    cloud.store.insert('certificates', [{ _id: 'cert-av0', number: null, openid: 'av-0', issuedOn: '2025-01-01', validUntil: '2099-01-01', remindedOn: null }])
    expect(await call('av-0', 'signup', { activityId: teaching._id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    cloud.store.update('certificates', { _id: 'cert-av0' }, { $set: { number: 'ZJKQ-2025-0100', issuer: '绍兴市柯桥区红十字会' } })
    expect(unwrap(await call('av-0', 'signup', { activityId: teaching._id })).mySignup?.status).toBe('signed_up')
    cloud.store.update('activities', { _id: activity._id }, { $set: { signupDeadline: new Date(Date.now() - MINUTE) } })
    expect(await call('av-1', 'signup', { activityId: activity._id })).toMatchObject({ ok: false, code: 'CONFLICT', message: '报名已截止' })
  })
})

describe('check-in, check-out and hours', () => {
  test('by position within the radius; too far is refused with the distance', async () => {
    const activity = unwrap(await create())
    unwrap(await call('av-10', 'signup', { activityId: activity._id }))
    const far = await call('av-10', 'checkIn', { activityId: activity._id, latitude: 30.0756, longitude: 120.5068 })
    expect(far).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(!far.ok && far.message).toMatch(/1\.1公里/)
    const near = unwrap(await call('av-10', 'checkIn', { activityId: activity._id, latitude: 30.0666, longitude: 120.5068 }))
    expect(near.mySignup).toMatchObject({ status: 'checked_in', hoursResult: 'pending' })
    expect(await call('demo-resident', 'checkIn', { activityId: activity._id, latitude: 30.0656, longitude: 120.5068 })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  test('by the rotating code: the current one works, a wrong or stale one does not; only staff see it', async () => {
    const activity = unwrap(await create())
    unwrap(await call('av-11', 'signup', { activityId: activity._id }))
    expect(await call('av-11', 'code', { activityId: activity._id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const shown = unwrap(await call<RotatingCode>('demo-staff', 'code', { activityId: activity._id }))
    expect(shown.code).toMatch(/^\d{6}$/)
    const wrong = String((Number(shown.code) + 1) % 1_000_000).padStart(6, '0')
    const refused = await call('av-11', 'checkIn', { activityId: activity._id, code: wrong })
    expect(refused).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '签到码不对或已过期，请看组织者手机上最新的签到码' })
    expect(signupDoc(activity._id, 'av-11').status).toBe('signed_up')
    // The code shown two minutes ago (a photo passed on to someone not there) is stale.
    const stale = currentCode(activityDoc(activity._id).codeSecret as string, activity._id, new Date(Date.now() - 2 * MINUTE)).code
    expect(await call('av-11', 'checkIn', { activityId: activity._id, code: stale })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(signupDoc(activity._id, 'av-11').status).toBe('signed_up')
    const fresh = unwrap(await call<RotatingCode>('demo-staff', 'code', { activityId: activity._id }))
    expect(unwrap(await call('av-11', 'checkIn', { activityId: activity._id, code: fresh.code })).mySignup?.status).toBe('checked_in')
  })

  test('check-in is refused earlier than 30 minutes before the start', async () => {
    const activity = unwrap(await create({ startAt: inMinutes(45), endAt: inMinutes(120), signupDeadline: inMinutes(40), hours: 1 }))
    unwrap(await call('av-12', 'signup', { activityId: activity._id }))
    expect(await call('av-12', 'checkIn', { activityId: activity._id, ...SITE })).toMatchObject({ ok: false, code: 'CONFLICT', message: '活动开始前30分钟才能签到' })
  })

  // 民政部令第67号 2020 (谁记录谁证明, 真实、准确): hours are the time served, credited when the organiser confirms.
  test('60% of the activity: the hours served wait for the organiser, whose confirmation credits them once', async () => {
    const activity = unwrap(await create({ hours: 2 }))
    unwrap(await call('av-13', 'signup', { activityId: activity._id }))
    unwrap(await call('av-13', 'checkIn', { activityId: activity._id, ...SITE }))
    // The activity ran 100 minutes and they checked in 60 minutes ago and leave now: 60%, 1 hour.
    shift(activity._id, 60, 100)
    cloud.store.update('activitySignups', { _id: `${activity._id}:av-13` }, { $set: { checkedInAt: new Date(Date.now() - 60 * MINUTE - 2000) } })
    const results = await Promise.all([1, 2, 3].map(() => call('av-13', 'checkOut', { activityId: activity._id, ...SITE })))
    expect(results.every((r) => r.ok)).toBe(true)
    const after = unwrap(await call('av-13', 'get', { activityId: activity._id }))
    expect(after.mySignup).toMatchObject({ status: 'checked_out', hoursResult: 'awaiting_confirmation', creditedHours: 1 })
    expect(ledgerOf('av-13')).toEqual([])
    expect(await call('av-13', 'confirmAttendance', { activityId: activity._id, signupIds: [`${activity._id}:av-13`] })).toMatchObject({ ok: false, code: 'FORBIDDEN' })

    const confirmations = await Promise.all([1, 2, 3].map(() => call<{ confirmed: number; rows: AttendanceRow[] }>('demo-staff', 'confirmAttendance', { activityId: activity._id, signupIds: [`${activity._id}:av-13`] })))
    expect(confirmations.map((r) => unwrap(r).confirmed).reduce((a, b) => a + b, 0)).toBe(1)
    expect(unwrap(confirmations[0]).rows[0]).toMatchObject({ hoursResult: 'credited', creditedHours: 1, name: '王小13' })
    expect(ledgerOf('av-13')).toEqual([expect.objectContaining({ _id: `activity:${activity._id}:av-13`, hours: 1, points: 10, source: 'activity', creditedByName: '张敏' })])
    expect(volunteerOf('av-13')).toMatchObject({ hours: 1, points: 10 })
    expect(cloud.docs('inbox').filter((m) => m.openid === 'av-13' && m.kind === 'checkin_result')).toHaveLength(1)
  })

  test('just under 60% credits nothing, confirmed or not, and the volunteer is told so', async () => {
    const activity = unwrap(await create({ hours: 2 }))
    unwrap(await call('av-14', 'signup', { activityId: activity._id }))
    unwrap(await call('av-14', 'checkIn', { activityId: activity._id, ...SITE }))
    shift(activity._id, 58, 100)
    cloud.store.update('activitySignups', { _id: `${activity._id}:av-14` }, { $set: { checkedInAt: new Date(Date.now() - 58 * MINUTE) } })
    const out = unwrap(await call('av-14', 'checkOut', { activityId: activity._id, ...SITE }))
    expect(out.mySignup).toMatchObject({ status: 'checked_out', hoursResult: 'not_enough', creditedHours: 0 })
    unwrap(await call('demo-staff', 'confirmAttendance', { activityId: activity._id, signupIds: [`${activity._id}:av-14`] }))
    expect(ledgerOf('av-14')).toEqual([])
    expect(volunteerOf('av-14').hours).toBe(0)
    expect(cloud.docs('inbox').filter((m) => m.openid === 'av-14' && m.kind === 'checkin_result').map((m) => m.body)).toEqual([expect.stringContaining('未记入时长')])
  })

  test('spoofed coordinates (the published location) without the organiser confirming credit nothing', async () => {
    const activity = unwrap(await create({ hours: 2 }))
    unwrap(await call('av-16', 'signup', { activityId: activity._id }))
    shift(activity._id, 10, 120)
    // The app sends the activity's own published coordinates: accepted as a check-in and out…
    unwrap(await call('av-16', 'checkIn', { activityId: activity._id, latitude: SITE.latitude, longitude: SITE.longitude }))
    cloud.store.update('activitySignups', { _id: `${activity._id}:av-16` }, { $set: { checkedInAt: new Date(Date.now() - 130 * MINUTE) } })
    shift(activity._id, 130, 120)
    const out = unwrap(await call('av-16', 'checkOut', { activityId: activity._id, latitude: SITE.latitude, longitude: SITE.longitude }))
    // …but nothing is credited until the organiser confirms the roster.
    expect(out.mySignup).toMatchObject({ hoursResult: 'awaiting_confirmation', creditedHours: 2 })
    expect(ledgerOf('av-16')).toEqual([])
    expect(volunteerOf('av-16')).toMatchObject({ hours: 0, points: 0 })
  })

  test('wrong codes are limited per person and activity: after 20, even the right code is refused', async () => {
    const activity = unwrap(await create())
    for (const id of ['av-17', 'av-18']) unwrap(await call(id, 'signup', { activityId: activity._id }))
    const shown = unwrap(await call<RotatingCode>('demo-staff', 'code', { activityId: activity._id }))
    const wrong = String((Number(shown.code) + 1) % 1_000_000).padStart(6, '0')
    const guesses = await Promise.all(Array.from({ length: 30 }, () => call('av-17', 'checkIn', { activityId: activity._id, code: wrong })))
    expect(guesses.filter((r) => !r.ok && r.code === 'INVALID_INPUT').length).toBeLessThanOrEqual(20)
    expect(guesses.every((r) => !r.ok)).toBe(true)
    const fresh = unwrap(await call<RotatingCode>('demo-staff', 'code', { activityId: activity._id }))
    expect(await call('av-17', 'checkIn', { activityId: activity._id, code: fresh.code })).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
    expect(signupDoc(activity._id, 'av-17').status).toBe('signed_up')
    // Another person, or the same person by position, is not affected.
    expect(unwrap(await call('av-18', 'checkIn', { activityId: activity._id, code: fresh.code })).mySignup?.status).toBe('checked_in')
    expect(unwrap(await call('av-17', 'checkIn', { activityId: activity._id, ...SITE })).mySignup?.status).toBe('checked_in')
  })

  test('a confirmation cut off after the sign-up was marked but before the ledger is finished by a retry', async () => {
    const activity = unwrap(await create({ hours: 1.5 }))
    unwrap(await call('av-15', 'signup', { activityId: activity._id }))
    shift(activity._id, 100, 90)
    // As if confirmAttendance died right after its conditional update.
    cloud.store.update('activitySignups', { _id: `${activity._id}:av-15` }, { $set: { status: 'checked_out', checkedInAt: new Date(Date.now() - 100 * MINUTE), checkedOutAt: new Date(), checkInMethod: 'position', coverage: 1, creditedHours: 1.5, confirmedAt: new Date(), confirmedBy: 'demo-staff' } })
    expect(volunteerOf('av-15').hours).toBe(0)
    const again = unwrap(await call<{ confirmed: number }>('demo-staff', 'confirmAttendance', { activityId: activity._id, signupIds: [`${activity._id}:av-15`] }))
    expect(again.confirmed).toBe(0)
    unwrap(await call('demo-staff', 'confirmAttendance', { activityId: activity._id, signupIds: [`${activity._id}:av-15`] }))
    expect(volunteerOf('av-15')).toMatchObject({ hours: 1.5, points: 15 })
    expect(ledgerOf('av-15')).toHaveLength(1)
  })
})

describe('补签 and corrections', () => {
  test('a volunteer asks, staff approve (twice, at once): credited once; a decline credits nothing', async () => {
    const activity = unwrap(await create({ hours: 2 }))
    for (const id of ['av-20', 'av-21']) unwrap(await call(id, 'signup', { activityId: activity._id }))
    shift(activity._id, 180, 120)
    // They were there from start to end (the activity's own times: the full 2 hours served).
    const arrivedAt = (activityDoc(activity._id).startAt as Date).toISOString()
    const leftAt = (activityDoc(activity._id).endAt as Date).toISOString()
    for (const id of ['av-20', 'av-21']) {
      const asked = unwrap(await call(id, 'requestMakeup', { activityId: activity._id, reason: '手机没电了，没能签到签退', arrivedAt, leftAt }))
      expect(asked.mySignup?.makeup).toMatchObject({ status: 'pending', reason: '手机没电了，没能签到签退' })
    }
    expect(await call('av-20', 'reviewMakeup', { signupId: `${activity._id}:av-20`, decision: 'approve' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const reviews = await Promise.all([1, 2, 3].map(() => call<AttendanceRow>('demo-staff', 'reviewMakeup', { signupId: `${activity._id}:av-20`, decision: 'approve' })))
    expect(reviews.every((r) => r.ok)).toBe(true)
    expect(unwrap(reviews[0])).toMatchObject({ status: 'checked_out', creditedHours: 2, checkInMethod: 'makeup', name: '王小20' })
    expect(ledgerOf('av-20')).toEqual([expect.objectContaining({ source: 'makeup', hours: 2 })])
    expect(volunteerOf('av-20').hours).toBe(2)

    unwrap(await call<AttendanceRow>('demo-staff', 'reviewMakeup', { signupId: `${activity._id}:av-21`, decision: 'reject', reason: '当天未见到本人' }))
    expect(signupDoc(activity._id, 'av-21').makeup).toMatchObject({ status: 'rejected', reviewNote: '当天未见到本人' })
    expect(ledgerOf('av-21')).toEqual([])

    const sheet = unwrap(await call<Page<AttendanceRow>>('demo-staff', 'attendance', { activityId: activity._id }))
    expect(sheet.items.map((r) => [r.name, r.makeup?.status])).toEqual([['王小20', 'approved'], ['王小21', 'rejected']])
  })

  test('staff corrections are ledger entries; totals always equal the sum of the ledger', async () => {
    const volunteerId = ownedId('vo', 'av-20')
    const correct = (hours: number, requestId: string) =>
      cloud.call<LedgerEntry>('volunteer', 'demo-staff', { action: 'correctHours', volunteerId, hours, reason: '线下活动漏记', requestId })
    unwrap(await correct(1.5, 'req-aaaaaaaa'))
    // The same request retried (twice at once) is one correction.
    await Promise.all([correct(-0.5, 'req-bbbbbbbb'), correct(-0.5, 'req-bbbbbbbb')])
    expect(await correct(-100, 'req-cccccccc')).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await cloud.call('volunteer', 'av-21', { action: 'correctHours', volunteerId, hours: 1, reason: '自己加', requestId: 'req-dddddddd' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const entries = ledgerOf('av-20')
    expect(entries.map((e) => e.hours).sort()).toEqual([-0.5, 1.5, 2])
    const sum = entries.reduce((s, e) => s + (e.hours as number), 0)
    const mine = unwrap(await cloud.call<{ profile: VolunteerProfile; totals: VolunteerTotals; recent: LedgerEntry[] }>('volunteer', 'av-20', { action: 'mine' }))
    expect(mine.totals).toMatchObject({ hours: sum, yearHours: sum, monthHours: sum, points: 30 })
    expect(mine.recent[0]).toMatchObject({ source: 'correction', reason: '线下活动漏记', creditedBy: '张敏' })
    const page = unwrap(await cloud.call<Page<LedgerEntry>>('volunteer', 'av-20', { action: 'ledger' }))
    expect(page.items).toHaveLength(3)
  })
})

describe('cancel', () => {
  test('cancelling an activity tells everyone signed up, once, even when repeated', async () => {
    const activity = unwrap(await create({ capacity: 5 }))
    for (const id of ['av-30', 'av-31', 'av-32']) unwrap(await call(id, 'signup', { activityId: activity._id }))
    unwrap(await call('av-32', 'cancelSignup', { activityId: activity._id }))
    expect(await call('av-30', 'cancel', { activityId: activity._id, reason: '台风天气' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    await Promise.all([1, 2].map(() => call('demo-staff', 'cancel', { activityId: activity._id, reason: '台风预警，活动取消' })))
    const told = cloud.docs('inbox').filter((m) => m.kind === 'activity_cancelled' && String(m.page).includes(activity._id))
    expect(told.map((m) => m.openid).sort()).toEqual(['av-30', 'av-31'])
    expect(unwrap(await call('av-30', 'get', { activityId: activity._id }))).toMatchObject({ status: 'cancelled', cancelReason: '台风预警，活动取消' })
    expect(await call('av-33', 'signup', { activityId: activity._id })).toMatchObject({ ok: false, code: 'CONFLICT' })
  })

  test('those holding a grant get their WeChat message through the outbox, queued once, and the outbox job is woken once for the whole fan-out', async () => {
    const activity = unwrap(await create({ capacity: 5 }))
    const people = ['av-190', 'av-191', 'av-192']
    for (const id of people) unwrap(await call(id, 'signup', { activityId: activity._id }))
    const granted = people.slice(0, 2)
    cloud.store.insert('subscriptions', granted.map((_id) => ({ _id, grants: { activity_cancelled: 1 } })))
    const wakes = () => (cloud.store.find('jobMarks', { _id: 'outbox' })[0]?.seq as number | undefined) ?? 0
    const before = wakes()
    const queued = () => cloud.docs('outbox').filter((m) => m.kind === 'activity_cancelled' && String(m.page).includes(activity._id))
    unwrap(await call('demo-staff', 'cancel', { activityId: activity._id, reason: '台风预警，活动取消' }))
    expect(queued().map((m) => ({ openid: m.openid, status: m.status, tries: m.tries })).sort((a, b) => String(a.openid).localeCompare(String(b.openid)))).toEqual(granted.map((openid) => ({ openid, status: 'pending', tries: 0 })))
    expect(cloud.docs('inbox').filter((m) => m.kind === 'activity_cancelled' && String(m.page).includes(activity._id)).map((m) => m.openid).sort()).toEqual(people)
    expect(wakes()).toBe(before + 1)
    // A retried cancel queues nothing again and wakes nobody.
    unwrap(await call('demo-staff', 'cancel', { activityId: activity._id, reason: '台风预警，活动取消' }))
    expect(queued()).toHaveLength(2)
    expect(wakes()).toBe(before + 1)
  })
})

describe('list and mine', () => {
  test('lists upcoming activities by community, type and keyword, with distance and my sign-up', async () => {
    const page = unwrap(await call<Page<ActivityView>>('av-30', 'list', { communityId: 'dadu', type: 'clinic', keyword: '义诊', latitude: 30.0666, longitude: 120.5068 }))
    expect(page.items.length).toBeGreaterThan(0)
    expect(page.items.every((a) => a.communityId === 'dadu' && a.type === 'clinic' && a.distanceMeters !== null && a.distanceMeters > 1000 === false)).toBe(true)
    expect(page.items.some((a) => a.mySignup?.status === 'signed_up')).toBe(true)
    const mine = unwrap(await call<Page<ActivityView>>('av-30', 'mine', { when: 'upcoming' }))
    expect(mine.items.length).toBeGreaterThan(0)
    expect(mine.items.every((a) => a.mySignup !== null)).toBe(true)
    const past = unwrap(await call<Page<ActivityView>>('av-20', 'mine', { when: 'past' }))
    expect(past.items[0].mySignup).toMatchObject({ status: 'checked_out', creditedHours: 2 })
  })
})

describe('activity reminders (scheduler job)', () => {
  test('reminds each volunteer signed up ~2 hours before the start, once; overlapping runs send once', async () => {
    const soon = unwrap(await create({ startAt: inMinutes(100), endAt: inMinutes(160), signupDeadline: inMinutes(90), hours: 1 }))
    const later = unwrap(await create({ startAt: inMinutes(300), endAt: inMinutes(360), signupDeadline: inMinutes(90), hours: 1 }))
    for (const id of ['av-40', 'av-41']) unwrap(await call(id, 'signup', { activityId: soon._id }))
    unwrap(await call('av-42', 'signup', { activityId: later._id }))
    unwrap(await call('av-41', 'cancelSignup', { activityId: soon._id }))
    // Two overlapping runs, then a third: each sign-up is reminded once.
    await Promise.all([1, 2].map(() => runJob(activityJob)))
    expect(await runJob(activityJob)).toEqual({ done: 0, more: false })
    const remindersOf = (id: string) => cloud.docs('inbox').filter((m) => m.kind === 'activity_reminder' && String(m.page).endsWith(id)).map((m) => m.openid)
    expect(remindersOf(soon._id)).toEqual(['av-40'])
    expect(remindersOf(later._id)).toEqual([])
  })

  test('the job sleeps until a reminder is owed: a sign-up moves its mark to two hours before the start, never later (#25)', async () => {
    const dueAt = () => (cloud.store.find('jobMarks', { _id: 'activity' })[0] as unknown as { dueAt: Date | null } | undefined)?.dueAt?.getTime()
    const twoHoursBefore = (startAt: string) => new Date(startAt).getTime() - 120 * MINUTE
    // Asleep with nothing owed.
    cloud.store.remove('jobMarks', { _id: 'activity' })
    cloud.store.insert('jobMarks', [{ _id: 'activity', dueAt: null, seq: 0 }])
    const far = unwrap(await create({ startAt: inMinutes(600), endAt: inMinutes(660), signupDeadline: inMinutes(500), hours: 1 }))
    const near = unwrap(await create({ startAt: inMinutes(400), endAt: inMinutes(460), signupDeadline: inMinutes(300), hours: 1 }))
    unwrap(await call('av-43', 'signup', { activityId: far._id }))
    expect(dueAt()).toBe(twoHoursBefore(far.startAt))
    unwrap(await call('av-44', 'signup', { activityId: near._id }))
    expect(dueAt()).toBe(twoHoursBefore(near.startAt))
    // A later reminder does not put off the sooner one.
    unwrap(await call('av-45', 'signup', { activityId: far._id }))
    expect(dueAt()).toBe(twoHoursBefore(near.startAt))
    // Staff moving a start with sign-ups earlier move the mark too.
    const { _id: activityId, title, type, description, location, hours } = far
    const earlier = { startAt: inMinutes(360), endAt: inMinutes(420), signupDeadline: inMinutes(300) }
    unwrap(await call('demo-staff', 'update', { activityId, title, type, description, location, hours, capacity: 20, ...earlier }))
    expect(dueAt()).toBe(twoHoursBefore(earlier.startAt))
    // After a run, the job's next work is the soonest reminder still owed (the earlier test left one at +300 minutes).
    const owed = cloud.store
      .find('activitySignups', { status: 'signed_up', reminded: false })
      .map((s) => (s.startAt as Date).getTime())
      .filter((at) => at > Date.now())
    // Two hours before the soonest start, or now when that has passed.
    const soonest = Math.min(...owed) - 120 * MINUTE
    const before = Date.now()
    const next = (await activityJob.next!())?.getTime()
    expect(next).toBeGreaterThanOrEqual(Math.max(soonest, before))
    expect(next).toBeLessThanOrEqual(Math.max(soonest, Date.now()))
  })
})

describe('update', () => {
  test('staff edit before the start; the capacity cannot drop below those signed up; sign-ups follow the new times', async () => {
    const activity = unwrap(await create({ capacity: 4 }))
    for (const id of ['av-60', 'av-61']) unwrap(await call(id, 'signup', { activityId: activity._id }))
    const activityId = activity._id
    const edit = {
      title: '社区义诊（改期）',
      type: activity.type,
      description: activity.description,
      location: activity.location,
      startAt: inMinutes(24 * 60),
      endAt: inMinutes(24 * 60 + 120),
      signupDeadline: inMinutes(60),
      hours: activity.hours,
    }
    expect(await call('demo-staff', 'update', { activityId, ...edit, capacity: 1 })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await call('av-60', 'update', { activityId, ...edit, capacity: 6 })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const updated = unwrap(await call('demo-staff', 'update', { activityId, ...edit, capacity: 6 }))
    expect(updated).toMatchObject({ title: '社区义诊（改期）', capacity: 6, signedUp: 2, placesLeft: 4, startAt: edit.startAt })
    expect(signupDoc(activityId, 'av-60').startAt).toEqual(new Date(edit.startAt))
  })
})
