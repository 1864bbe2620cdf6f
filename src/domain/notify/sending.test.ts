import { MAX_SEND_TRIES, nextTryAt, sendOutcome } from './sending'

const NOW = new Date('2026-11-23T12:00:00.000Z')
const minutesAfterNow = (at: Date | null) => (at ? (at.getTime() - NOW.getTime()) / 60_000 : null)

test('backs off 1, 5, 15, 60 minutes, and the 5th failed try is final', () => {
  expect([1, 2, 3, 4, 5].map((tries) => minutesAfterNow(nextTryAt(tries, NOW)))).toEqual([1, 5, 15, 60, null])
  expect(MAX_SEND_TRIES).toBe(5)
})

test('no grant, refusals of the message, and everything else are told apart', () => {
  expect(sendOutcome(43101)).toBe('no_grant')
  expect([40003, 40037, 41030, 47003].map(sendOutcome)).toEqual(['refused', 'refused', 'refused', 'refused'])
  expect([-1, 45009, undefined].map(sendOutcome)).toEqual(['retry', 'retry', 'retry'])
})
