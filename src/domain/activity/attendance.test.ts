import { activityStatus, checkInRefusal, checkOutRefusal, coverage, servedHours } from './attendance'

const at = (hhmm: string) => new Date(`2026-12-05T${hhmm}:00+08:00`)
const activity = { startAt: at('09:00'), endAt: at('11:00') }

test('coverage is the overlap of attended time with the activity, over its length', () => {
  expect(coverage(activity, at('09:00'), at('11:00'))).toBe(1)
  expect(coverage(activity, at('08:30'), at('12:00'))).toBe(1)
  expect(coverage(activity, at('09:30'), at('10:30'))).toBe(0.5)
  expect(coverage(activity, at('11:10'), at('11:30'))).toBe(0)
})

// 民政部令第67号 2020 (records 真实、准确): hours are the time actually served, not the planned hours.
test('hours served: the attended overlap capped at the planned hours, rounded down to the half hour', () => {
  const fourHours = { startAt: at('09:00'), endAt: at('13:00'), hours: 4, minCoverage: 0.6 }
  // 2.4 h of a 4 h activity (60%) → 2 h, not the planned 4 h.
  expect(servedHours(fourHours, at('09:00'), at('11:24'))).toBe(2)
  expect(servedHours(fourHours, at('08:00'), at('14:00'))).toBe(4)
  expect(servedHours({ ...fourHours, hours: 3 }, at('09:00'), at('13:00'))).toBe(3)
  expect(servedHours(fourHours, at('09:00'), at('12:29'))).toBe(3)
  expect(servedHours(fourHours, at('09:00'), at('12:30'))).toBe(3.5)
})

test('exactly 60% counts; 59% credits nothing', () => {
  const sixty = coverage(activity, at('09:00'), at('10:12'))
  expect(sixty).toBeCloseTo(0.6, 10)
  expect(servedHours({ ...activity, hours: 2, minCoverage: 0.6 }, at('09:00'), at('10:12'))).toBe(1)
  const fourHours = { startAt: at('09:00'), endAt: at('13:00'), hours: 4, minCoverage: 0.6 }
  // 59% of 4 h = 2 h 21.6 min: under the minimum presence, so 0 although 2 h were spent.
  expect(servedHours(fourHours, at('09:00'), new Date(at('09:00').getTime() + 0.59 * 4 * 3600_000))).toBe(0)
  expect(servedHours({ ...activity, hours: 2, minCoverage: 0.6 }, at('09:00'), at('10:11'))).toBe(0)
})

test('check-in opens 30 minutes before the start and closes at the end; check-out closes 2 hours after', () => {
  expect(checkInRefusal(activity, at('08:29'))).toMatch('30分钟')
  expect(checkInRefusal(activity, at('08:30'))).toBeNull()
  expect(checkInRefusal(activity, at('11:00'))).toBeNull()
  expect(checkInRefusal(activity, at('11:01'))).toMatch('补签')
  expect(checkOutRefusal(activity, at('13:00'))).toBeNull()
  expect(checkOutRefusal(activity, at('13:01'))).toMatch('补签')
})

test('an activity is over after its end unless it was cancelled', () => {
  expect(activityStatus('open', activity.endAt, at('10:00'))).toBe('open')
  expect(activityStatus('open', activity.endAt, at('11:01'))).toBe('ended')
  expect(activityStatus('cancelled', activity.endAt, at('10:00'))).toBe('cancelled')
})
