import { canSignUp, decideRecord } from './training-record'

const DAY = '2026-12-01'

test('nothing is recorded before the session day', () => {
  expect(decideRecord('signed', 'attended', DAY, '2026-11-30')).toMatchObject({ ok: false })
  expect(decideRecord('attended', 'passed', DAY, '2026-11-30')).toMatchObject({ ok: false })
  expect(decideRecord('signed', 'attended', DAY, DAY)).toEqual({ ok: true, from: 'signed', repeat: false })
  expect(decideRecord('attended', 'passed', DAY, '2026-12-05')).toEqual({ ok: true, from: 'attended', repeat: false })
})

test('attendance comes first, then one result', () => {
  expect(decideRecord('signed', 'passed', DAY, DAY)).toEqual({ ok: false, message: '请先记录出勤，再记录考核结果' })
  expect(decideRecord('signed', 'failed', DAY, DAY)).toMatchObject({ ok: false })
  expect(decideRecord('attended', 'failed', DAY, DAY)).toEqual({ ok: true, from: 'attended', repeat: false })
  expect(decideRecord('passed', 'failed', DAY, DAY)).toEqual({ ok: false, message: '考核结果已记录，不能再更改' })
  expect(decideRecord('failed', 'passed', DAY, DAY)).toMatchObject({ ok: false })
  expect(decideRecord('passed', 'attended', DAY, DAY)).toMatchObject({ ok: false })
  expect(decideRecord('cancelled', 'attended', DAY, DAY)).toEqual({ ok: false, message: '此人已取消报名' })
})

test('a repeated step is a retry, not an error', () => {
  expect(decideRecord('passed', 'passed', DAY, DAY)).toEqual({ ok: true, from: 'passed', repeat: true })
  expect(decideRecord('attended', 'attended', DAY, DAY)).toEqual({ ok: true, from: 'attended', repeat: true })
})

test('only someone not (or no longer) signed up may sign up', () => {
  expect(canSignUp(null)).toBe(true)
  expect(canSignUp('cancelled')).toBe(true)
  for (const status of ['signed', 'attended', 'passed', 'failed'] as const) expect(canSignUp(status)).toBe(false)
})
