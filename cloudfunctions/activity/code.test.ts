import { CODE_GRACE_SECONDS, codeMatches, currentCode } from './code'

const secret = 'test-secret'
const at = (seconds: number) => new Date(Date.UTC(2026, 10, 23, 12, 0, 0) + seconds * 1000)

test('the code of this minute is accepted; the previous minute only in the first seconds of the next', () => {
  const { code } = currentCode(secret, 'a1', at(30))
  expect(code).toMatch(/^\d{6}$/)
  expect(codeMatches(secret, 'a1', code, at(59))).toBe(true)
  expect(codeMatches(secret, 'a1', code, at(60 + CODE_GRACE_SECONDS - 1))).toBe(true)
  expect(codeMatches(secret, 'a1', code, at(60 + CODE_GRACE_SECONDS))).toBe(false)
  expect(codeMatches(secret, 'a1', code, at(125))).toBe(false)
})

test('each activity has its own code, and seconds left count down to the next minute', () => {
  expect(currentCode(secret, 'a1', at(30)).code).not.toBe(currentCode(secret, 'a2', at(30)).code)
  expect(currentCode(secret, 'a1', at(30)).secondsLeft).toBe(30)
})
