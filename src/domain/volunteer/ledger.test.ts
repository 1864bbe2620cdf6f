import { serviceCount, periodKeys, periodLabel, pointsFor } from './ledger'

test('credits fall in the month and year of China time', () => {
  // 00:30 on 1 January 2027 in China is still 2026 in UTC.
  expect(periodKeys(new Date('2026-12-31T16:30:00.000Z'))).toEqual({ month: '2027-01', year: '2027' })
  expect(periodKeys(new Date('2026-12-31T15:59:00.000Z'))).toEqual({ month: '2026-12', year: '2026' })
  expect(periodLabel('month', '2027-01')).toBe('2027年1月')
  expect(periodLabel('year', '2027')).toBe('2027年')
})

test('points: 10 an hour unless the community sets its own; corrections take points away', () => {
  expect(pointsFor(2.5, undefined)).toBe(25)
  expect(pointsFor(2, 15)).toBe(30)
  expect(pointsFor(-1.5, null)).toBe(-15)
})

// 民政部令第67号 2020 (records 真实、准确): "共N次服务" counts services, not corrections.
test('the number of services leaves out corrections, positive or negative', () => {
  expect(serviceCount([
    { source: 'activity', hours: 2 },
    { source: 'wish', hours: 1 },
    { source: 'makeup', hours: 1.5 },
    { source: 'correction', hours: 28 },
    { source: 'correction', hours: -0.5 },
  ])).toBe(3)
})
