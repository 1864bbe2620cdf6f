import { activityWhen, chinaDate, chinaMoment, clockTime, dayAndTime } from './when'

describe('activity times, always in China time', () => {
  test('a moment reads as date, weekday and clock time in UTC+8', () => {
    // 01:00 UTC is 09:00 in China, on Saturday 5 December 2026.
    expect(dayAndTime('2026-12-05T01:00:00Z')).toBe('12月5日（周六）09:00')
    expect(clockTime('2026-12-05T01:05:00Z')).toBe('09:05')
  })

  test('the end shows only its time on the same day, and its date on another', () => {
    expect(activityWhen('2026-12-05T01:00:00Z', '2026-12-05T03:30:00Z')).toBe('12月5日（周六）09:00–11:30')
    // 22:00 China time on Saturday until 02:00 on Sunday.
    expect(activityWhen('2026-12-05T14:00:00Z', '2026-12-05T18:00:00Z')).toBe('12月5日（周六）22:00–12月6日（周日）02:00')
  })

  test('a moment late in the UTC day is already the next day in China', () => {
    expect(dayAndTime('2026-11-23T23:30:00Z')).toBe('11月24日（周二）07:30')
  })
})

describe('form values to moments and back', () => {
  test('a date and clock time picked in China are that moment, whatever the phone zone', () => {
    const moment = chinaMoment('2026-12-05', '09:00')
    expect(new Date(moment).toISOString()).toBe('2026-12-05T01:00:00.000Z')
    expect(chinaDate(moment)).toBe('2026-12-05')
    expect(clockTime(moment)).toBe('09:00')
  })
})
