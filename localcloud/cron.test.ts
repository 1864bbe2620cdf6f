import { firesInMinute, parseCron } from './cron'

/** A moment given in China time (UTC+8). */
const china = (text: string) => new Date(`${text}+08:00`)

test('every minute fires in every minute', () => {
  const cron = parseCron('0 * * * * * *')
  expect(['2026-11-23T00:00:00', '2026-11-23T13:37:59'].map((t) => firesInMinute(cron, china(t)))).toEqual([true, true])
})

test('a daily trigger fires only in its minute, China time', () => {
  const cron = parseCron('0 30 3 * * * *')
  expect(firesInMinute(cron, china('2026-11-23T03:30:00'))).toBe(true)
  expect(firesInMinute(cron, china('2026-11-23T03:31:00'))).toBe(false)
  // 03:30 in UTC is 11:30 in China.
  expect(firesInMinute(cron, new Date('2026-11-23T03:30:00Z'))).toBe(false)
})

test('lists, ranges, steps and weekdays', () => {
  const cron = parseCron('0 */15 9-17 * * 1-5 *')
  expect(firesInMinute(cron, china('2026-11-23T09:45:00'))).toBe(true) // Monday
  expect(firesInMinute(cron, china('2026-11-23T09:50:00'))).toBe(false)
  expect(firesInMinute(cron, china('2026-11-22T09:45:00'))).toBe(false) // Sunday
  expect(firesInMinute(parseCron('0 0,30 * 1,15 * * 2026'), china('2026-12-15T08:30:00'))).toBe(true)
})

test('a malformed cron is refused with its field named', () => {
  expect(() => parseCron('0 * * * * *')).toThrow('7 fields')
  expect(() => parseCron('0 61 * * * * *')).toThrow('minute')
  expect(() => parseCron('0 * * * * MON *')).toThrow('weekday')
})
