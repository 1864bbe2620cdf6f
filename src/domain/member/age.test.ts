import { ageOn, isYouth } from './age'

/** Age boundaries on the exact birthday: 13 / 14 / 17 / 18. */
test.each([
  ['2012-11-24', '2026-11-23', 13, false],
  ['2012-11-23', '2026-11-23', 14, true],
  ['2008-11-24', '2026-11-23', 17, true],
  ['2008-11-23', '2026-11-23', 18, false],
  ['2012-02-29', '2026-02-28', 13, false],
  ['2012-02-29', '2026-03-01', 14, true],
])('born %s, on %s: age %i, youth %s', (birth, today, age, youth) => {
  expect(ageOn(birth, today)).toBe(age)
  expect(isYouth(birth, today)).toBe(youth)
})
