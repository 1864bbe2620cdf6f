import dayjs from 'dayjs'
import { todayInChina } from '@/domain/dates'
import type { Certificate, RosterEntry, Signup, TrainingSession } from '@/domain/firstaid/training'
import { startTestCloud, unwrap, type TestCloud } from '../../localcloud/testing'
import { certificateNumbersJob, trainingJob } from '../scheduler/jobs/training'
import { runJob } from '../../localcloud/jobs-testing'
import { ownedId } from '../_kit/ids'
import { uploadFolderOf } from '../_kit/uploads'
import { wxServerSdk } from '../../localcloud/backend/install'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
})
afterAll(() => cloud.stop())

const nextWeek = dayjs().add(7, 'day').format('YYYY-MM-DD')
const session = (capacity: number, kind = 'rescuer', date: string | string[] = nextWeek) => ({ action: 'create', kind, title: '救护员培训第12期', communityId: 'dadu', dates: Array.isArray(date) ? date : [date], time: '09:00-16:30', place: '大渡社区博爱家园培训教室', capacity })
const record = (signupId: string, status: string, openid = 'demo-staff') => cloud.call<Signup & { certificate: Certificate | null }>('training', openid, { action: 'record', signupId, status })
const inboxOf = (openid: string, kind: string) => cloud.docs('inbox').filter((m) => m.openid === openid && m.kind === kind) as Array<{ body: string }>
const certificateIdOf = (sessionId: string, openid: string) => ownedId('ce', `${sessionId}:${openid}`)
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

const day = (offset: number) => dayjs(todayInChina()).add(offset, 'day').format('YYYY-MM-DD')
const rosterOf = async (sessionId: string) => unwrap(await cloud.call<{ items: RosterEntry[] }>('training', 'demo-staff', { action: 'roster', sessionId })).items
/** A person who attended a course ending today and passed its exam: their roster entry. */
async function passed(openid: string, kind = 'rescuer'): Promise<RosterEntry & { sessionId: string }> {
  const { _id } = unwrap(await cloud.call<TrainingSession>('training', 'demo-staff', session(5, kind, [day(-1), day(0)])))
  unwrap(await signup(openid, _id))
  const [entry] = await rosterOf(_id)
  unwrap(await record(entry._id, 'attended'))
  unwrap(await record(entry._id, 'passed'))
  return { ...entry, sessionId: _id }
}
const certificate = (signupId: string, extra: Record<string, unknown> = {}, openid = 'demo-staff') =>
  cloud.call<RosterEntry & { certificate: Certificate }>('training', openid, { action: 'recordCertificate', signupId, number: 'ZJKQ-2026-00123', issuer: '绍兴市柯桥区红十字会', issuedOn: day(0), validUntil: dayjs(day(0)).add(3, 'year').subtract(1, 'day').format('YYYY-MM-DD'), ...extra })

test('a pass generates no number: staff record the 救护员证 the Red Cross issued, and its holder sees it', async () => {
  const counters = cloud.docs('counters').length
  const entry = await passed('t-holder')
  expect(cloud.docs('certificates').filter((c) => c.openid === 't-holder')).toHaveLength(0)
  expect(cloud.docs('counters')).toHaveLength(counters)
  expect(inboxOf('t-holder', 'training_result').map((m) => m.body)).toEqual([expect.not.stringContaining('JHY')])
  expect((await rosterOf(entry.sessionId))[0]).toMatchObject({ status: 'passed', certificate: null })

  expect(await certificate(entry._id, {}, 'demo-volunteer')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  const recorded = unwrap(await certificate(entry._id, { number: ' zjkq-2026-00123 ' }))
  expect(recorded.certificate).toMatchObject({ number: 'ZJKQ-2026-00123', issuer: '绍兴市柯桥区红十字会', issuedOn: day(0), name: '学员' })
  expect((await rosterOf(entry.sessionId))[0].certificate?.number).toBe('ZJKQ-2026-00123')
  const mine = unwrap(await cloud.call<{ items: Certificate[] }>('training', 't-holder', { action: 'certificates' }))
  expect(mine.items.map((c) => c.number)).toEqual(['ZJKQ-2026-00123'])
  expect(inboxOf('t-holder', 'training_result').at(-1)?.body).toContain('ZJKQ-2026-00123 已登记')
  // Passed: signing up again is refused.
  expect(await signup('t-holder', entry.sessionId)).toMatchObject({ ok: false, code: 'CONFLICT' })
})

test('a recorded certificate keeps its number; a retry answers the same record and tells nobody again', async () => {
  const entry = await passed('t-keeps')
  unwrap(await certificate(entry._id, { number: 'ZJ-KEEP-0001' }))
  const stored = () => cloud.docs('certificates').filter((c) => c.openid === 't-keeps')
  const before = JSON.stringify(stored())
  const changed = await certificate(entry._id, { number: 'ZJ-KEEP-0002' })
  expect(changed).toMatchObject({ ok: false, code: 'CONFLICT', fields: { number: expect.stringContaining('编号不能更改') } })
  expect(JSON.stringify(stored())).toBe(before)
  const retries = await Promise.all(Array.from({ length: 10 }, () => certificate(entry._id, { number: 'ZJ-KEEP-0001' })))
  expect(retries.every((r) => r.ok && r.data.certificate.number === 'ZJ-KEEP-0001')).toBe(true)
  expect(stored()).toHaveLength(1)
  expect(inboxOf('t-keeps', 'training_result').filter((m) => m.body.includes('ZJ-KEEP-0001'))).toHaveLength(1)
})

test('20 concurrent recordings of one certificate write one; a number already recorded for someone else is refused', async () => {
  const entry = await passed('t-once')
  const results = await Promise.all(Array.from({ length: 20 }, () => certificate(entry._id, { number: 'ZJ-ONCE-0001' })))
  expect(results.every((r) => r.ok)).toBe(true)
  expect(cloud.docs('certificates').filter((c) => c.openid === 't-once')).toHaveLength(1)
  expect(inboxOf('t-once', 'training_result').filter((m) => m.body.includes('ZJ-ONCE-0001'))).toHaveLength(1)
  const other = await passed('t-copycat')
  expect(await certificate(other._id, { number: 'ZJ-ONCE-0001' })).toMatchObject({ ok: false, code: 'CONFLICT', fields: { number: expect.stringContaining('其他人') } })
  expect(cloud.docs('certificates').filter((c) => c.openid === 't-copycat')).toHaveLength(0)
})

test.each([
  ['a number too short', { number: 'A1' }, 'number'],
  ['a number with other characters', { number: '救护员证123456' }, 'number'],
  ['a number with fewer than 4 digits', { number: 'ABCDEF-12' }, 'number'],
  ['an issuer that is not a Red Cross society', { issuer: '柯桥区卫生健康局' }, 'issuer'],
  ['a validity beyond 3 years', { validUntil: day(3 * 366 + 5) }, 'validUntil'],
  ['a validity ending before the issue date', { validUntil: day(-1) }, 'validUntil'],
  ['an issue date in the future', { issuedOn: day(1), validUntil: day(400) }, 'issuedOn'],
  ['an issue date before the last course day', { issuedOn: day(-1) }, 'issuedOn'],
])('%s is refused (救护员证 in shape, 红十字会法 2017 第十一条); nothing is written', async (label, change, field) => {
  const entry = await passed(`t-shape-${label.length}-${field}`)
  const result = await certificate(entry._id, change)
  expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect(!result.ok && result.fields).toHaveProperty(field)
  expect(cloud.docs('certificates').filter((c) => c.sessionId === entry.sessionId)).toHaveLength(0)
})

test('a photo of the certificate is the staff member\'s own upload and shows only once its check passed', async () => {
  const upload = async (openid: string, name: string) =>
    (await (wxServerSdk() as { uploadFile(p: object): Promise<{ fileID: string }> }).uploadFile({ cloudPath: `${uploadFolderOf(openid)}/certificates/${name}`, fileContent: Buffer.from('jpeg') })).fileID
  const entry = await passed('t-photo')
  expect(await certificate(entry._id, { photo: await upload('t-photo', 'mine.jpg') })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect(cloud.docs('certificates').filter((c) => c.openid === 't-photo')).toHaveLength(0)
  const recorded = unwrap(await certificate(entry._id, { number: 'ZJ-PHOTO-0001', photo: await upload('demo-staff', 'certificate.jpg') }))
  expect(recorded.certificate.photo).toBeNull()
  const status = () => (cloud.docs('certificates').find((c) => c.openid === 't-photo')?.photo as { status: string }).status
  for (let waited = 0; status() === 'checking' && waited < 3000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20))
  expect(status()).toBe('passed')
  expect((await rosterOf(entry.sessionId))[0].certificate?.photo).toMatch(/\/certificates\/certificate\.jpg\?sign=\w+&t=\d+$/)
  expect(unwrap(await cloud.call<{ items: Certificate[] }>('training', 't-photo', { action: 'certificates' })).items[0].photo).toMatch(/certificate\.jpg/)
})

test('only a pass of a 救护员培训 gets a 救护员证', async () => {
  const awareness = await passed('t-popular', 'popular')
  expect(await certificate(awareness._id)).toMatchObject({ ok: false, code: 'CONFLICT', message: '普及培训不发救护员证' })
  const { _id } = unwrap(await cloud.call<TrainingSession>('training', 'demo-staff', session(5, 'rescuer', [day(-1), day(0)])))
  unwrap(await signup('t-attended-only', _id))
  const [entry] = await rosterOf(_id)
  unwrap(await record(entry._id, 'attended'))
  expect(await certificate(entry._id)).toMatchObject({ ok: false, code: 'CONFLICT' })
  expect(cloud.docs('certificates').filter((c) => c.sessionId === _id)).toHaveLength(0)
})

test('a two-day course records attendance on day 1 and the exam result only from day 2', async () => {
  const dayOne = unwrap(await cloud.call<TrainingSession>('training', 'demo-staff', session(5, 'rescuer', [day(1), day(0)])))
  expect(dayOne).toMatchObject({ date: day(0), dates: [day(0), day(1)] })
  unwrap(await signup('t-two-days', dayOne._id))
  const [entry] = await rosterOf(dayOne._id)
  unwrap(await record(entry._id, 'attended'))
  for (const status of ['passed', 'failed']) expect(await record(entry._id, status)).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining(`最后一天（${day(1)}）`) })
  expect(cloud.store.find('signups', { _id: entry._id })[0].status).toBe('attended')
  // The same course a day later: today is day 2.
  const dayTwo = unwrap(await cloud.call<TrainingSession>('training', 'demo-staff', session(5, 'rescuer', [day(-1), day(0)])))
  unwrap(await signup('t-two-days', dayTwo._id))
  const [second] = await rosterOf(dayTwo._id)
  unwrap(await record(second._id, 'attended'))
  expect(unwrap(await record(second._id, 'passed')).status).toBe('passed')
  expect(await cloud.call('training', 'demo-staff', { ...session(5), dates: [day(3), day(3)] })).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { dates: expect.stringContaining('重复') } })
})

test('staff see their communities\' past courses too, to record results and certificates after them', async () => {
  const past = unwrap(await cloud.call<TrainingSession>('training', 'demo-staff', { ...session(5), title: '上月的救护员培训', dates: [day(-30), day(-29)] }))
  expect(unwrap(await cloud.call<{ items: TrainingSession[] }>('training', 'demo-staff', { action: 'sessions' })).items.map((s) => s._id)).not.toContain(past._id)
  expect(unwrap(await cloud.call<{ items: TrainingSession[] }>('training', 'demo-staff', { action: 'manageSessions' })).items.map((s) => s._id)).toContain(past._id)
  expect(await cloud.call('training', 'demo-volunteer', { action: 'manageSessions' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
})

test('the update path: numbers the app generated become 待补录; recorded ones stay; staff then record the real one', async () => {
  const entry = await passed('t-migrated')
  const generated = { openid: 't-migrated', sessionId: entry.sessionId, sessionTitle: '救护员培训第12期', name: '学员', issuedOn: day(0), validUntil: day(1000), remindedOn: null }
  cloud.store.insert('certificates', [
    { _id: certificateIdOf(entry.sessionId, 't-migrated'), number: 'JHY202600017', ...generated },
    { _id: 'recorded-jhy', number: 'JHY202600018', issuer: '绍兴市柯桥区红十字会', recordedBy: 'demo-staff', ...generated, openid: 't-real-jhy' },
  ])
  expect(await runJob(certificateNumbersJob)).toMatchObject({ done: 1 })
  expect(await runJob(certificateNumbersJob)).toMatchObject({ done: 0 })
  expect(cloud.store.find('certificates', { _id: certificateIdOf(entry.sessionId, 't-migrated') })[0]).toMatchObject({ number: null, issuer: null, generatedNumber: 'JHY202600017' })
  expect(cloud.store.find('certificates', { _id: 'recorded-jhy' })[0]).toMatchObject({ number: 'JHY202600018' })
  const mine = unwrap(await cloud.call<{ items: Certificate[] }>('training', 't-migrated', { action: 'certificates' }))
  expect(mine.items).toEqual([expect.objectContaining({ number: null, issuer: null })])
  expect(unwrap(await certificate(entry._id, { number: 'ZJ-REAL-2026-0042' })).certificate).toMatchObject({ number: 'ZJ-REAL-2026-0042', issuer: '绍兴市柯桥区红十字会' })
  expect(cloud.docs('certificates').filter((c) => c.openid === 't-migrated')).toHaveLength(1)
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
