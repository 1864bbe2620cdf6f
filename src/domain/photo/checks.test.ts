import { checksExhausted, isDue, MAX_CHECK_ATTEMPTS, nextCheckAt, statusOfSuggestion, VERDICT_WITHIN_MS } from './checks'

const now = new Date('2026-05-01T08:00:00Z')
const minutesAfter = (date: Date) => (date.getTime() - now.getTime()) / 60_000

// mediaCheckAsync: "异步检测结果在 30 分钟内会推送" — a request WeChat took is not asked again before then.
// https://developers.weixin.qq.com/miniprogram/dev/server/API/sec-center/sec-check/api_mediacheckasync
test('a request WeChat took is looked at again after 30 minutes, doubling each time', () => {
  expect(VERDICT_WITHIN_MS).toBe(30 * 60_000)
  expect([1, 2, 3, 4].map((attempts) => minutesAfter(nextCheckAt(now, attempts, true)))).toEqual([30, 60, 120, 240])
})

test('a failed request is tried again within minutes, doubling each time', () => {
  expect([1, 2, 3].map((attempts) => minutesAfter(nextCheckAt(now, attempts, false)))).toEqual([2, 4, 8])
})

test('verdicts: pass shows, risky hides, review goes to staff', () => {
  expect([statusOfSuggestion('pass'), statusOfSuggestion('risky'), statusOfSuggestion('review')]).toEqual(['passed', 'rejected', 'review'])
})

test('due only while checking and past its time; exhausted after the last attempt', () => {
  const photo = { fileID: 'cloud://e/a.jpg', status: 'checking' as const, attempts: 1, nextCheckAt: new Date(now.getTime() - 1) }
  expect(isDue(photo, now)).toBe(true)
  expect(isDue({ ...photo, nextCheckAt: new Date(now.getTime() + 1) }, now)).toBe(false)
  expect(isDue({ ...photo, status: 'passed' }, now)).toBe(false)
  expect(isDue({ ...photo, nextCheckAt: null }, now)).toBe(false)
  expect(checksExhausted({ ...photo, attempts: MAX_CHECK_ATTEMPTS - 1 })).toBe(false)
  expect(checksExhausted({ ...photo, attempts: MAX_CHECK_ATTEMPTS })).toBe(true)
})
