import { ageOn, isYouth, youthBornAfter } from './age'

/** Age boundaries on the exact birthday: a youth member (青少年会员) at 17, an adult at 18. */
test.each([
  ['2012-11-24', '2026-11-23', 13, true],
  ['2008-11-24', '2026-11-23', 17, true],
  ['2008-11-23', '2026-11-23', 18, false],
  ['1990-02-28', '2026-11-23', 36, false],
  ['2008-02-29', '2026-02-28', 17, true],
  ['2008-02-29', '2026-03-01', 18, false],
])('born %s, on %s: age %i, youth %s', (birth, today, age, youth) => {
  expect(ageOn(birth, today)).toBe(age)
  expect(isYouth(birth, today)).toBe(youth)
  // The range the 家园数据 count asks the database with agrees on every boundary.
  expect(birth > youthBornAfter(today)).toBe(youth)
})
