import { mayWithdrawSuggestion, suggestionStatusOf } from './suggestions'

test('a suggestion waits, is published, or was taken back', () => {
  expect(suggestionStatusOf({ verified: false })).toBe('pending')
  expect(suggestionStatusOf({ verified: false, withdrawnAt: null })).toBe('pending')
  expect(suggestionStatusOf({ verified: false, withdrawnAt: new Date() })).toBe('withdrawn')
  expect(suggestionStatusOf({ verified: true })).toBe('verified')
})

test('only a waiting suggestion may be withdrawn', () => {
  expect(mayWithdrawSuggestion({ verified: false })).toBe(true)
  expect(mayWithdrawSuggestion({ verified: true })).toBe(false)
  expect(mayWithdrawSuggestion({ verified: false, withdrawnAt: new Date() })).toBe(false)
})
