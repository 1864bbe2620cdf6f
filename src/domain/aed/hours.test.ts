import { describeHours, isOpenAt, type OpeningHours } from './hours'

/** Moments are given in China time (UTC+8). 2026-11-23 is a Monday. */
const at = (local: string) => new Date(`${local}+08:00`)

const office: OpeningHours = { always: false, weekly: { mon: [['08:30', '17:30']], tue: [['08:30', '17:30']] } }
const allDay: OpeningHours = { always: false, weekly: { mon: [['00:00', '24:00']] } }
const market: OpeningHours = { always: false, weekly: { sun: [['05:30', '12:00'], ['15:00', '19:00']] } }

test.each([
  [office, '2026-11-23T08:29:59', false],
  [office, '2026-11-23T08:30:00', true],
  [office, '2026-11-23T17:29:00', true],
  [office, '2026-11-23T17:30:00', false],
  [office, '2026-11-25T10:00:00', false], // Wednesday: not listed
  [allDay, '2026-11-23T00:00:00', true],
  [allDay, '2026-11-23T23:59:00', true],
  [allDay, '2026-11-24T00:00:00', false], // Tuesday has no hours
  [allDay, '2026-11-22T23:59:00', false], // Sunday
  [market, '2026-11-22T13:00:00', false],
  [market, '2026-11-22T15:00:00', true],
  [{ always: true }, '2026-11-22T03:00:00', true],
] as const)('%j at %s → %s', (hours, local, open) => {
  expect(isOpenAt(hours as OpeningHours, at(local))).toBe(open)
})

test('the weekday is China’s even when UTC is still on the day before', () => {
  // 2026-11-23 07:00 in China is 2026-11-22 23:00 UTC (a Sunday).
  expect(isOpenAt({ always: false, weekly: { mon: [['06:00', '08:00']] } }, new Date('2026-11-22T23:00:00Z'))).toBe(true)
})

test('hours read plainly', () => {
  expect(describeHours({ always: true })).toBe('24小时开放')
  expect(describeHours(office)).toBe('周一至周二 08:30-17:30')
  expect(describeHours(market)).toBe('周日 05:30-12:00、15:00-19:00')
  expect(describeHours({ always: false, weekly: { mon: [['08:00', '12:00']], wed: [['08:00', '12:00']] } })).toBe('周一 08:00-12:00；周三 08:00-12:00')
  expect(describeHours({ always: false, weekly: {} })).toBe('暂不开放')
})
