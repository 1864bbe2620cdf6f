import { activityStatus, checkInRefusal, checkOutRefusal, coverage, creditedHours } from './attendance'

const at = (hhmm: string) => new Date(`2026-12-05T${hhmm}:00+08:00`)
const activity = { startAt: at('09:00'), endAt: at('11:00') }

test('coverage is the overlap of attended time with the activity, over its length', () => {
  expect(coverage(activity, at('09:00'), at('11:00'))).toBe(1)
  expect(coverage(activity, at('08:30'), at('12:00'))).toBe(1)
  expect(coverage(activity, at('09:30'), at('10:30'))).toBe(0.5)
  expect(coverage(activity, at('11:10'), at('11:30'))).toBe(0)
})

test('exactly 60% credits the full hours; a minute less credits none', () => {
  const sixty = coverage(activity, at('09:00'), at('10:12'))
  expect(sixty).toBeCloseTo(0.6, 10)
  expect(creditedHours(3, sixty, 0.6)).toBe(3)
  expect(creditedHours(3, coverage(activity, at('09:00'), at('10:11')), 0.6)).toBe(0)
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
