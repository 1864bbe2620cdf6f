import { canSignUp, courseDaysOf, decideRecord } from './training-record'

const DAY = { first: '2026-12-01', last: '2026-12-01' }

test('nothing is recorded before the session day', () => {
  expect(decideRecord('signed', 'attended', DAY, '2026-11-30')).toMatchObject({ ok: false })
  expect(decideRecord('attended', 'passed', DAY, '2026-11-30')).toMatchObject({ ok: false })
  expect(decideRecord('signed', 'attended', DAY, DAY.first)).toEqual({ ok: true, from: 'signed', repeat: false })
  expect(decideRecord('attended', 'passed', DAY, '2026-12-05')).toEqual({ ok: true, from: 'attended', repeat: false })
})

test('attendance comes first, then one result', () => {
  expect(decideRecord('signed', 'passed', DAY, DAY.first)).toEqual({ ok: false, message: '请先记录出勤，再记录考核结果' })
  expect(decideRecord('signed', 'failed', DAY, DAY.first)).toMatchObject({ ok: false })
  expect(decideRecord('attended', 'failed', DAY, DAY.first)).toEqual({ ok: true, from: 'attended', repeat: false })
  expect(decideRecord('passed', 'failed', DAY, DAY.first)).toEqual({ ok: false, message: '考核结果已记录，不能再更改' })
  expect(decideRecord('failed', 'passed', DAY, DAY.first)).toMatchObject({ ok: false })
  expect(decideRecord('passed', 'attended', DAY, DAY.first)).toMatchObject({ ok: false })
  expect(decideRecord('cancelled', 'attended', DAY, DAY.first)).toEqual({ ok: false, message: '此人已取消报名' })
})

test('a repeated step is a retry, not an error', () => {
  expect(decideRecord('passed', 'passed', DAY, DAY.first)).toEqual({ ok: true, from: 'passed', repeat: true })
  expect(decideRecord('attended', 'attended', DAY, DAY.first)).toEqual({ ok: true, from: 'attended', repeat: true })
})

test('only someone not (or no longer) signed up may sign up', () => {
  expect(canSignUp(null)).toBe(true)
  expect(canSignUp('cancelled')).toBe(true)
  for (const status of ['signed', 'attended', 'passed', 'failed'] as const) expect(canSignUp(status)).toBe(false)
})

test('a two-day course: attendance from day 1, the exam result only from day 2', () => {
  const twoDays = courseDaysOf({ date: '2026-12-05', dates: ['2026-12-05', '2026-12-06'] })
  expect(twoDays).toEqual({ first: '2026-12-05', last: '2026-12-06' })
  expect(decideRecord('signed', 'attended', twoDays, '2026-12-05')).toEqual({ ok: true, from: 'signed', repeat: false })
  expect(decideRecord('attended', 'passed', twoDays, '2026-12-05')).toEqual({ ok: false, message: '考核在最后一天（2026-12-06）培训结束后进行，当天或之后才能记录考核结果' })
  expect(decideRecord('attended', 'failed', twoDays, '2026-12-05')).toMatchObject({ ok: false })
  expect(decideRecord('attended', 'passed', twoDays, '2026-12-06')).toEqual({ ok: true, from: 'attended', repeat: false })
  // A session stored before course days existed ran on its date alone.
  expect(courseDaysOf({ date: '2026-12-05' })).toEqual({ first: '2026-12-05', last: '2026-12-05' })
})
