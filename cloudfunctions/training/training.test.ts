import dayjs from 'dayjs'
import { todayInChina } from '@/domain/dates'
import type { Certificate, Signup, TrainingSession } from '@/domain/firstaid/training'
import { startTestCloud, unwrap, type TestCloud } from '../../localcloud/testing'
import { trainingJob } from '../scheduler/jobs/training'
import { runJob } from '../../localcloud/jobs-testing'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
})
afterAll(() => cloud.stop())

const nextWeek = dayjs().add(7, 'day').format('YYYY-MM-DD')
const session = (capacity: number, kind = 'rescuer', date = nextWeek) => ({ action: 'create', kind, title: '救护员培训第12期', communityId: 'dadu', date, time: '09:00-16:30', place: '大渡社区博爱家园培训教室', capacity })
const record = (signupId: string, status: string, openid = 'demo-staff') => cloud.call<Signup & { certificate: Certificate | null }>('training', openid, { action: 'record', signupId, status })
const signup = (openid: string, sessionId: string) => cloud.call<TrainingSession>('training', openid, { action: 'signup', sessionId, name: '学员', phone: '13857500099' })

test('only staff of the community publish sessions', async () => {
  expect(await cloud.call('training', 'demo-volunteer', session(10))).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(unwrap(await cloud.call<TrainingSession>('training', 'demo-staff', session(10)))).toMatchObject({ capacity: 10, seatsLeft: 10, mine: null })
})

test('40 people sign up at once for 25 places: exactly 25 get one', async () => {
  const { _id } = unwrap(await cloud.call<TrainingSession>('training', 'demo-staff', session(25)))
  const results = await Promise.all(Array.from({ length: 40 }, (_unused, i) => signup(`trainee-${i}`, _id)))
  expect(results.filter((r) => r.ok)).toHaveLength(25)
  expect(results.filter((r) => !r.ok && r.code === 'CONFLICT')).toHaveLength(15)
  const stored = cloud.store.find('trainings', { _id })[0] as unknown as { seatsLeft: number }
  expect(stored.seatsLeft).toBe(0)
  expect(unwrap(await cloud.call<{ items: Signup[] }>('training', 'demo-staff', { action: 'roster', sessionId: _id })).items).toHaveLength(25)
})

test('cancelling frees the place; signing up twice is refused', async () => {
  const { _id } = unwrap(await cloud.call<TrainingSession>('training', 'demo-staff', session(1)))
  unwrap(await signup('t-a', _id))
  expect(await signup('t-a', _id)).toMatchObject({ ok: false, code: 'CONFLICT' })
  expect(await signup('t-b', _id)).toMatchObject({ ok: false, code: 'CONFLICT', message: '名额已满，请关注下一期培训' })
  unwrap(await cloud.call('training', 't-a', { action: 'cancelSignup', sessionId: _id }))
  expect(unwrap(await signup('t-b', _id)).mine).toBe('signed')
})

test('cancelling and signing up again 30 times at once keeps one place for one person', async () => {
  const { _id } = unwrap(await cloud.call<TrainingSession>('training', 'demo-staff', session(5)))
  unwrap(await signup('t-again', _id))
  await Promise.all(Array.from({ length: 30 }, (_unused, i) => (i % 2 ? signup('t-again', _id) : cloud.call('training', 't-again', { action: 'cancelSignup', sessionId: _id }))))
  const signed = cloud.docs('signups').filter((s) => s.sessionId === _id && s.status === 'signed').length
  expect(cloud.store.find('trainings', { _id })[0].seatsLeft).toBe(5 - signed)
})

test('passing a 救护员培训 issues a 救护员证 valid 3 years, shown to its holder', async () => {
  const { _id } = unwrap(await cloud.call<TrainingSession>('training', 'demo-staff', session(5, 'rescuer', todayInChina())))
  unwrap(await signup('t-holder', _id))
  const [entry] = unwrap(await cloud.call<{ items: Signup[] }>('training', 'demo-staff', { action: 'roster', sessionId: _id })).items
  expect(await record(entry._id, 'attended', 'demo-volunteer')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  unwrap(await record(entry._id, 'attended'))
  const recorded = unwrap(await record(entry._id, 'passed'))
  expect(recorded.certificate?.number).toMatch(/^JHY\d{4}\d{5}$/)
  expect(recorded.certificate?.validUntil).toBe(dayjs(recorded.certificate?.issuedOn).add(3, 'year').subtract(1, 'day').format('YYYY-MM-DD'))
  const mine = unwrap(await cloud.call<{ items: Certificate[] }>('training', 't-holder', { action: 'certificates' }))
  expect(mine.items.map((c) => c.number)).toEqual([recorded.certificate?.number])
  // Passed: the session now shows the result, and signing up again is refused.
  const listed = unwrap(await cloud.call<{ items: TrainingSession[] }>('training', 't-holder', { action: 'sessions' })).items.find((s) => s._id === _id)
  expect(listed?.mine).toBe('passed')
  expect(await signup('t-holder', _id)).toMatchObject({ ok: false, code: 'CONFLICT' })
})

test('results wait for the session day and for attendance; nothing changes when refused', async () => {
  const later = unwrap(await cloud.call<TrainingSession>('training', 'demo-staff', session(5)))
  unwrap(await signup('t-early', later._id))
  const [early] = unwrap(await cloud.call<{ items: Signup[] }>('training', 'demo-staff', { action: 'roster', sessionId: later._id })).items
  for (const status of ['attended', 'passed', 'failed']) expect(await record(early._id, status)).toMatchObject({ ok: false, code: 'CONFLICT' })
  expect(cloud.store.find('signups', { _id: early._id })[0].status).toBe('signed')

  const today = unwrap(await cloud.call<TrainingSession>('training', 'demo-staff', session(5, 'rescuer', todayInChina())))
  unwrap(await signup('t-absent', today._id))
  const [absent] = unwrap(await cloud.call<{ items: Signup[] }>('training', 'demo-staff', { action: 'roster', sessionId: today._id })).items
  expect(await record(absent._id, 'passed')).toMatchObject({ ok: false, code: 'CONFLICT', message: '请先记录出勤，再记录考核结果' })
  expect(cloud.docs('certificates').filter((c) => c.openid === 't-absent')).toHaveLength(0)
  unwrap(await record(absent._id, 'attended'))
  expect(unwrap(await record(absent._id, 'failed')).certificate).toBeNull()
  expect(await record(absent._id, 'passed')).toMatchObject({ ok: false, code: 'CONFLICT', message: '考核结果已记录，不能再更改' })
  expect(cloud.docs('certificates').filter((c) => c.openid === 't-absent')).toHaveLength(0)
})

test('20 concurrent "passed" records of one person issue one 救护员证', async () => {
  const { _id } = unwrap(await cloud.call<TrainingSession>('training', 'demo-staff', session(5, 'rescuer', todayInChina())))
  unwrap(await signup('t-once', _id))
  const [entry] = unwrap(await cloud.call<{ items: Signup[] }>('training', 'demo-staff', { action: 'roster', sessionId: _id })).items
  unwrap(await record(entry._id, 'attended'))
  const results = await Promise.all(Array.from({ length: 20 }, () => record(entry._id, 'passed')))
  expect(new Set(results.map((r) => unwrap(r).certificate?.number)).size).toBe(1)
  expect(cloud.docs('certificates').filter((c) => c.openid === 't-once')).toHaveLength(1)
  // Told of the sign-up, then of the result once, with the certificate's number.
  const told = cloud.docs('inbox').filter((m) => m.openid === 't-once')
  expect(told.map((m) => m.kind).sort()).toEqual(['training_result', 'training_signup'])
  expect(told.find((m) => m.kind === 'training_result')?.body).toContain(unwrap(results[0]).certificate?.number)
})

test('holders are reminded once, 60 days before the certificate lapses', async () => {
  cloud.store.insert('certificates', [
    { openid: 't-soon', sessionId: 's', sessionTitle: '救护员培训', name: '王', number: 'JHY202300001', issuedOn: '2023-12-01', validUntil: dayjs().add(30, 'day').format('YYYY-MM-DD'), remindedOn: null },
    { openid: 't-later', sessionId: 's', sessionTitle: '救护员培训', name: '李', number: 'JHY202400002', issuedOn: '2024-06-01', validUntil: dayjs().add(200, 'day').format('YYYY-MM-DD'), remindedOn: null },
  ])
  expect(await runJob(trainingJob)).toEqual({ done: 1, more: false })
  expect(await runJob(trainingJob)).toEqual({ done: 0, more: false })
  const inbox = cloud.docs('inbox').filter((m) => m.kind === 'cert_reminder')
  expect(inbox.map((m) => m.openid)).toEqual(['t-soon'])
})
