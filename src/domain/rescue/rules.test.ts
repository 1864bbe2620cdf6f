import { chooseRole, eligibilityOf, isBrandNew, matchResponders, nextDueAt, raisesPerDay, type RoleAed } from './rules'

const P = { latitude: 30.0656, longitude: 120.5068 }
const north = (m: number) => ({ latitude: P.latitude + m / 111_195, longitude: P.longitude })
const east = (m: number) => ({ latitude: P.latitude, longitude: P.longitude + m / (111_195 * Math.cos((P.latitude * Math.PI) / 180)) })
const TODAY = '2026-12-03'

describe('eligibility (issue #22): a recorded, valid 救护员证 or a staff-verified medic', () => {
  test('a recorded certificate counts until its expiry date, inclusive', () => {
    expect(eligibilityOf([{ number: 'JHY1', validUntil: TODAY }], false, TODAY)).toEqual({ eligible: true })
    expect(eligibilityOf([{ number: 'JHY1', validUntil: '2026-12-02' }], false, TODAY)).toEqual({ eligible: false, why: 'certificate_lapsed' })
  })
  test('a 待补录 certificate does not count; a verified medic needs none', () => {
    expect(eligibilityOf([{ number: null, validUntil: '2028-01-01' }], false, TODAY)).toEqual({ eligible: false, why: 'certificate_pending' })
    expect(eligibilityOf([], false, TODAY)).toEqual({ eligible: false, why: 'no_certificate' })
    expect(eligibilityOf([], true, TODAY)).toEqual({ eligible: true })
  })
})

describe('matching', () => {
  const hit = (openid: string, location: { latitude: number; longitude: number }, radiusMeters = 1000) => ({ openid, location, radiusMeters })
  const everyone = () => true
  test('each person once by their nearest place, within their own radius, nearest first, never the raiser', () => {
    const matches = matchResponders(P, [hit('a', north(900)), hit('a', north(200)), hit('b', north(600), 500), hit('c', north(400)), hit('raiser', north(10))], { raiser: 'raiser', widened: false, eligible: everyone })
    expect(matches.map((m) => [m.openid, m.distanceMeters])).toEqual([['a', 200], ['c', 400]])
  })
  test('widened: anyone within 2 km, whatever their own radius', () => {
    expect(matchResponders(P, [hit('b', north(1500), 500), hit('far', north(2100), 2000)], { raiser: 'x', widened: true, eligible: everyone }).map((m) => m.openid)).toEqual(['b'])
  })
  test('at most 30, the ineligible and excluded left out', () => {
    const hits = Array.from({ length: 40 }, (_x, i) => hit(`r${i}`, north(10 + i * 10)))
    const matches = matchResponders(P, hits, { raiser: 'x', widened: false, eligible: (id) => id !== 'r0', exclude: new Set(['r1']) })
    expect(matches).toHaveLength(30)
    expect(matches[0].openid).toBe('r2')
  })
})

describe('roles', () => {
  const aed = (extra: Partial<RoleAed> = {}): RoleAed => ({ _id: 'a', name: 'AED', location: east(600), readiness: 'ready', openNow: true, ...extra })
  test('the first accepter goes to the patient', () => {
    expect(chooseRole({ first: true, aedTaken: false, accepter: east(800), patient: P, aeds: [aed()] }).role).toBe('patient')
  })
  test('a later accepter nearer to a ready, open AED than to the patient fetches it; once', () => {
    expect(chooseRole({ first: false, aedTaken: false, accepter: east(800), patient: P, aeds: [aed()] })).toMatchObject({ role: 'aed', aed: { _id: 'a' } })
    expect(chooseRole({ first: false, aedTaken: true, accepter: east(800), patient: P, aeds: [aed()] }).role).toBe('support')
    expect(chooseRole({ first: false, aedTaken: false, accepter: north(300), patient: P, aeds: [aed()] }).role).toBe('support')
  })
  test('never an AED out of service, merely warned, or closed', () => {
    for (const bad of [{ readiness: 'out_of_service' as const }, { readiness: 'warning' as const }, { openNow: false }]) {
      expect(chooseRole({ first: false, aedTaken: false, accepter: east(800), patient: P, aeds: [aed(bad)] }).role).toBe('support')
    }
  })
})

test('abuse: a brand-new account (under 7 days) raises 2 a day, others 5', () => {
  const now = new Date('2026-12-03T08:00:00Z')
  expect(isBrandNew(new Date('2026-11-30T08:00:00Z'), now)).toBe(true)
  expect(raisesPerDay(new Date('2026-11-30T08:00:00Z'), now)).toBe(2)
  expect(raisesPerDay(new Date('2026-11-20T08:00:00Z'), now)).toBe(5)
})

test('what an alert is owed next: close at 60 min, debrief 90 min after closing, erasure 24 h after', () => {
  const raisedAt = new Date('2026-12-03T08:00:00Z')
  const closedAt = new Date('2026-12-03T08:20:00Z')
  expect(nextDueAt({ status: 'open', raisedAt, closedAt: null, debriefed: false, erased: false })).toEqual(new Date('2026-12-03T09:00:00Z'))
  expect(nextDueAt({ status: 'closed', raisedAt, closedAt, debriefed: false, erased: false })).toEqual(new Date('2026-12-03T09:50:00Z'))
  expect(nextDueAt({ status: 'closed', raisedAt, closedAt, debriefed: true, erased: false })).toEqual(new Date('2026-12-04T08:20:00Z'))
  expect(nextDueAt({ status: 'closed', raisedAt, closedAt, debriefed: true, erased: true })).toBeNull()
})
