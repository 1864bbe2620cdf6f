import type { AlertFigures, AlertView, ResponderMe } from '@/domain/rescue/contract'
import type { Page } from '@/domain/contract'
import { MAX_ALERTED } from '@/domain/rescue/rules'
import { ownedId } from '../_kit/ids'
import { rescueJob } from '../scheduler/jobs/rescue'
import { runJob } from '../../localcloud/jobs-testing'
import { startTestCloud, unwrap, type TestCloud } from '../../localcloud/testing'
import fs from 'node:fs'
import path from 'node:path'

// Dozens of responders enrol through the function in some tests.
jest.setTimeout(30_000)

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
})
afterAll(() => cloud.stop())

type Spot = { latitude: number; longitude: number }
/** Each test works far from the demo data and from the other tests (0.1° ≈ 11 km apart). */
let nextBase = 0
const base = (): Spot => ({ latitude: 31.2 + 0.1 * ++nextBase, longitude: 121.4 })
/** A point `north` and `east` metres from a spot. */
const at = (from: Spot, north: number, east = 0): Spot => ({
  latitude: from.latitude + north / 111_195,
  longitude: from.longitude + east / (111_195 * Math.cos((from.latitude * Math.PI) / 180)),
})

const rescue = <T>(openid: string, action: string, fields: Record<string, unknown> = {}) => cloud.call<T>('rescue', openid, { action, ...fields })
let requests = 0
const rid = () => `rq-${Date.now().toString(36)}-${++requests}`

type Certificate = 'valid' | 'lapsed' | 'pending' | 'none'
/** A certified person who enrols at `place` (then, to test it, their certificate may lapse or be 待补录). */
async function responder(openid: string, place: Spot, { certificate = 'valid', radiusMeters, onDuty = true }: { certificate?: Certificate; radiusMeters?: number; onDuty?: boolean } = {}) {
  cloud.store.insert('certificates', [{ _id: `ce-${openid}`, openid, number: `JHY-${openid}`, issuer: '绍兴市红十字会', name: '测试', issuedOn: '2025-01-01', validUntil: '2099-12-31', sessionId: 's', sessionTitle: '救护员培训', remindedOn: null }])
  unwrap(await rescue<ResponderMe>(openid, 'enrol', { consent: true, areas: [{ label: '家', ...place }], ...(radiusMeters ? { radiusMeters } : {}) }))
  if (!onDuty) unwrap(await rescue(openid, 'duty', { onDuty: false }))
  if (certificate === 'lapsed') cloud.store.update('certificates', { _id: `ce-${openid}` }, { $set: { validUntil: '2024-12-31' } })
  if (certificate === 'pending') cloud.store.update('certificates', { _id: `ce-${openid}` }, { $set: { number: null } })
  if (certificate === 'none') cloud.store.remove('certificates', { _id: `ce-${openid}` })
}

const raise = (openid: string, patient: Spot, extra: Record<string, unknown> = {}) =>
  rescue<{ alertId: string; alerted: number }>(openid, 'raise', { ...patient, kind: 'cardiac_arrest', called120: true, requestId: rid(), ...extra })
const alertedOf = (alertId: string) => cloud.docs('rescueRecipients').filter((r) => r.alertId === alertId).map((r) => r.openid as string).sort()
const get = (openid: string, alertId: string) => rescue<AlertView>(openid, 'get', { alertId })
/** The fake clock: the alert was raised (or closed) this long ago. */
const backdate = (alertId: string, field: 'raisedAt' | 'closedAt', ms: number) =>
  cloud.store.update('rescueAlerts', { _id: alertId }, { $set: { [field]: new Date(Date.now() - ms), ...(field === 'closedAt' ? { dueAt: new Date(Date.now() - 1000) } : {}) } })

describe('matching', () => {
  test('only eligible, enrolled, on-duty responders within their radius are alerted, never the raiser; a lapsed or 待补录 certificate is not alerted', async () => {
    const p = base()
    await responder('m-near', at(p, 200))
    await responder('m-lapsed', at(p, 300), { certificate: 'lapsed' })
    await responder('m-pending', at(p, 350), { certificate: 'pending' })
    await responder('m-off', at(p, 400), { onDuty: false })
    await responder('m-small-radius', at(p, 800), { radiusMeters: 500 })
    await responder('m-far', at(p, 1500))
    await responder('m-raiser', at(p, 100))
    // Certified but never enrolled: no consent, never alerted.
    cloud.store.insert('certificates', [{ _id: 'ce-m-unenrolled', openid: 'm-unenrolled', number: 'JHY-x', issuer: 'x', name: 'x', issuedOn: '2025-01-01', validUntil: '2099-12-31', sessionId: 's', sessionTitle: 't', remindedOn: null }])
    // A medical worker verified by staff, with no certificate.
    cloud.store.insert('volunteers', [{ _id: ownedId('vo', 'm-medic'), openid: 'm-medic', status: 'active', name: '孙医生', phone: '13800001111', communityId: 'dadu', skills: [], availability: [], intro: '', hours: 0, points: 0, registeredAt: new Date() }])
    expect(await rescue('m-medic', 'enrol', { consent: true, areas: [{ label: '家', ...at(p, 500) }] })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await rescue('m-near', 'verifyMedic', { volunteerId: ownedId('vo', 'm-medic'), profession: 'doctor', note: '看过执业证书' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    unwrap(await rescue('demo-staff', 'verifyMedic', { volunteerId: ownedId('vo', 'm-medic'), profession: 'doctor', note: '看过执业证书' }))
    expect(unwrap(await rescue<ResponderMe>('m-medic', 'enrol', { consent: true, areas: [{ label: '家', ...at(p, 500) }] }))).toMatchObject({ eligible: true, enrolled: true, onDuty: true, medic: { profession: 'doctor' } })

    const { alertId, alerted } = unwrap(await raise('m-raiser', p))
    expect(alertedOf(alertId)).toEqual(['m-medic', 'm-near'])
    expect(alerted).toBe(2)
    // Nearest first is what the distances say; every alert reached the inbox.
    expect(cloud.docs('inbox').filter((m) => m.kind === 'rescue_alert' && String(m.page).endsWith(alertId)).map((m) => m.openid).sort()).toEqual(['m-medic', 'm-near'])
    expect(unwrap(await rescue<ResponderMe>('m-lapsed', 'me'))).toMatchObject({ eligible: false, why: expect.stringContaining('过期') })
  })

  test('at most the nearest 30', async () => {
    const p = base()
    for (let i = 0; i < 34; i += 1) await responder(`n-${i}`, at(p, 50 + i * 20))
    const { alertId, alerted } = unwrap(await raise('n-raiser', p))
    expect(alerted).toBe(MAX_ALERTED)
    expect(alertedOf(alertId)).toEqual(Array.from({ length: 30 }, (_x, i) => `n-${i}`).sort())
  })

  test('nobody accepts within 90 s: the radius widens once to 2 km (fake clock)', async () => {
    const p = base()
    await responder('w-near', at(p, 300))
    await responder('w-1500', at(p, 1500))
    await responder('w-2500', at(p, 2500))
    const { alertId } = unwrap(await raise('w-raiser', p))
    expect(alertedOf(alertId)).toEqual(['w-near'])
    backdate(alertId, 'raisedAt', 60_000)
    expect(unwrap(await get('w-raiser', alertId))).toMatchObject({ widened: false, alerted: 1 })
    backdate(alertId, 'raisedAt', 91_000)
    expect(unwrap(await get('w-raiser', alertId))).toMatchObject({ widened: true, alerted: 2 })
    expect(alertedOf(alertId)).toEqual(['w-1500', 'w-near'])
    // Once only: reading again alerts nobody more.
    await get('w-raiser', alertId)
    expect(alertedOf(alertId)).toEqual(['w-1500', 'w-near'])
  })

  test('an accept within 90 s means no widening', async () => {
    const p = base()
    await responder('wa-near', at(p, 300))
    await responder('wa-1500', at(p, 1500))
    const { alertId } = unwrap(await raise('wa-raiser', p))
    unwrap(await rescue('wa-near', 'respond', { alertId, answer: 'accept' }))
    backdate(alertId, 'raisedAt', 120_000)
    expect(unwrap(await get('wa-raiser', alertId))).toMatchObject({ widened: false })
    expect(alertedOf(alertId)).toEqual(['wa-near'])
  })
})

describe('the count on-duty apps watch instead of calling every 5 s (#25)', () => {
  const sent = () => (cloud.store.find('beacons', { _id: 'rescue-alerts' })[0]?.sent as number | undefined) ?? 0
  test('it moves when responders are alerted (at the raise and at the widening), after their records, and not when nobody is', async () => {
    const p = base()
    await responder('bc-near', at(p, 300))
    await responder('bc-1500', at(p, 1500))
    const before = sent()
    const { alertId } = unwrap(await raise('bc-raiser', p))
    expect(sent()).toBe(before + 1)
    // The app that saw it move asks, and finds its alert.
    expect(unwrap(await rescue<{ alertIds: string[] }>('bc-near', 'pending', {})).alertIds).toEqual([alertId])
    backdate(alertId, 'raisedAt', 91_000)
    expect(unwrap(await get('bc-raiser', alertId))).toMatchObject({ widened: true, alerted: 2 })
    expect(sent()).toBe(before + 2)
    // Far from every responder: nobody alerted, the count stays.
    unwrap(await raise('bc-alone', { latitude: 40, longitude: 100 }))
    expect(sent()).toBe(before + 2)
  })
})

const aed = (_id: string, spot: Spot, extra: Record<string, unknown> = {}) => ({
  _id, name: `AED ${_id}`, communityId: 'dadu', location: { type: 'Point', coordinates: [spot.longitude, spot.latitude] }, address: '测试路1号', landmark: '门口', placement: 'outdoor', floor: '',
  hours: { always: true }, accessNotes: '', model: 'x', guardianOrg: 'x', guardianOpenid: null, padsExpiry: '2099-01-01', batteryExpiry: '2099-01-01',
  lastInspection: new Date().toISOString().slice(0, 10), status: 'available', verified: true, photo: null, history: [], createdAt: new Date(), ...extra,
})

describe('roles', () => {
  test('one accepter goes to the patient, and the raiser is told the nearest usable AED for bystanders', async () => {
    const p = base()
    cloud.store.insert('aeds', [aed('r1-aed', at(p, 0, 300))])
    await responder('r1-a', at(p, 200))
    const { alertId } = unwrap(await raise('r1-raiser', p))
    // The responder's open app finds it (it looks every 5 s), until they answer.
    expect(unwrap(await rescue<{ alertIds: string[] }>('r1-a', 'pending'))).toEqual({ alertIds: [alertId] })
    const view = unwrap(await rescue<AlertView>('r1-a', 'respond', { alertId, answer: 'accept' }))
    expect(unwrap(await rescue<{ alertIds: string[] }>('r1-a', 'pending'))).toEqual({ alertIds: [] })
    expect(view.mine).toMatchObject({ answer: 'accepted', role: 'patient', aed: null })
    expect(view.location).toEqual(p)
    const raiser = unwrap(await get('r1-raiser', alertId))
    expect(raiser.accepters).toEqual([expect.objectContaining({ role: 'patient', distanceMeters: 200, etaMinutes: 2 })])
    expect(raiser.bystanderAed).toMatchObject({ _id: 'r1-aed' })
  })

  test('a second accepter nearer to a ready, open AED than to the patient is sent for it', async () => {
    const p = base()
    cloud.store.insert('aeds', [aed('r2-aed', at(p, 0, 600))])
    await responder('r2-first', at(p, 100))
    await responder('r2-east', at(p, 0, 800))
    const { alertId } = unwrap(await raise('r2-raiser', p))
    unwrap(await rescue('r2-first', 'respond', { alertId, answer: 'accept' }))
    const second = unwrap(await rescue<AlertView>('r2-east', 'respond', { alertId, answer: 'accept' }))
    expect(second.mine).toMatchObject({ role: 'aed', aed: { _id: 'r2-aed' } })
    const raiser = unwrap(await get('r2-raiser', alertId))
    expect(raiser.accepters.map((a) => a.role)).toEqual(['patient', 'aed'])
    expect(raiser.bystanderAed).toBeNull()
    // Staff's figures come from the accepters' own times: the first accept now, no arrival yet.
    const figures = async () => {
      const { communityId } = cloud.docs('rescueAlerts').find((a) => a._id === alertId)!
      return unwrap(await rescue<Page<AlertFigures>>('demo-staff', 'list', { communityId })).items.find((f) => f._id === alertId)
    }
    expect(await figures()).toMatchObject({ accepted: 2, roles: { patient: 1, aed: 1 }, secondsToFirstAccept: expect.any(Number), secondsToFirstArrival: null })
    unwrap(await rescue('r2-east', 'progress', { alertId, step: 'aed_fetched' }))
    unwrap(await rescue('r2-first', 'progress', { alertId, step: 'arrived' }))
    expect(unwrap(await get('r2-raiser', alertId)).accepters.map((a) => [a.role, a.aedFetched, a.arrived])).toEqual([['patient', false, true], ['aed', true, false]])
    expect(await figures()).toMatchObject({ secondsToFirstArrival: expect.any(Number) })
  })

  test('an AED out of service or closed is never assigned', async () => {
    const p = base()
    cloud.store.insert('aeds', [aed('r3-broken', at(p, 0, 600), { status: 'maintenance' }), aed('r3-closed', at(p, 0, 620), { hours: { always: false, weekly: {} } })])
    await responder('r3-first', at(p, 100))
    await responder('r3-east', at(p, 0, 800))
    const { alertId } = unwrap(await raise('r3-raiser', p))
    unwrap(await rescue('r3-first', 'respond', { alertId, answer: 'accept' }))
    expect(unwrap(await rescue<AlertView>('r3-east', 'respond', { alertId, answer: 'accept' })).mine).toMatchObject({ role: 'support', aed: null })
    expect(unwrap(await get('r3-raiser', alertId)).bystanderAed).toBeNull()
  })
})

describe('privacy', () => {
  test('a non-accepter sees no position or note, a stranger not even the alert; after close + 24 h nothing personal remains', async () => {
    const p = { latitude: 31.9123457, longitude: 121.4765431 }
    const note = '梧桐苑7幢2单元1402'
    // Their places lie off the patient's lines of latitude and longitude: only the patient's position is looked for.
    await responder('pv-yes', at(p, 200, 150))
    await responder('pv-no', at(p, 300, 150))
    const { alertId } = unwrap(await raise('pv-raiser', p, { note }))
    const before = unwrap(await get('pv-no', alertId))
    expect(before).toMatchObject({ location: null, note: null, accepters: [], viewer: 'responder' })
    expect(await get('pv-stranger', alertId)).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    const accepted = unwrap(await rescue<AlertView>('pv-yes', 'respond', { alertId, answer: 'accept' }))
    expect(accepted).toMatchObject({ location: p, note })
    expect(JSON.stringify(accepted)).not.toContain('pv-raiser')
    expect(JSON.stringify(unwrap(await get('pv-no', alertId)))).not.toContain(note)
    expect(await rescue('pv-yes', 'close', { alertId, outcome: 'ems_arrived' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    unwrap(await rescue('pv-raiser', 'close', { alertId, outcome: 'ems_arrived' }))
    expect(unwrap(await get('pv-yes', alertId))).toMatchObject({ status: 'closed', location: null, note: null })

    // 90 minutes on: the debrief; 24 hours on: only figures stay.
    backdate(alertId, 'closedAt', 24 * 60 * 60_000 + 60_000)
    await runJob(rescueJob)
    await runJob(rescueJob)
    expect(cloud.docs('inbox').filter((m) => m.openid === 'pv-yes' && String(m.body).includes('回访'))).toHaveLength(1)
    const stored = cloud.docs('rescueAlerts').find((a) => a._id === alertId)!
    expect(stored).toMatchObject({ raiserOpenid: null, location: null, note: null, erased: true, closedBy: 'ems_arrived', accepted: 1 })
    const kept = cloud.docs('rescueRecipients').filter((r) => r.alertId === alertId)
    expect(kept.map((r) => r.openid)).toEqual([null, null])
    expect(kept.map((r) => r.role)).toEqual(expect.arrayContaining(['patient', null]))
    cloud.store.compact()
    const found: string[] = []
    for (const file of fs.readdirSync(cloud.dataDir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile())) {
      const text = fs.readFileSync(path.join(file.parentPath, file.name), 'utf8')
      for (const trace of [note, '31.9123457', '121.4765431']) if (text.includes(trace)) found.push(`${file.name}: ${trace}`)
    }
    expect(found).toEqual([])
    const figures = unwrap(await rescue<Page<AlertFigures>>('demo-staff', 'list', { communityId: stored.communityId as string }))
    expect(figures.items.find((f) => f._id === alertId)).toMatchObject({ accepted: 1, roles: { patient: 1 }, closedBy: 'ems_arrived', secondsToFirstAccept: expect.any(Number) })
  })

  test('an alert closes itself after 60 minutes', async () => {
    const p = base()
    await responder('ac-a', at(p, 200))
    const { alertId } = unwrap(await raise('ac-raiser', p))
    backdate(alertId, 'raisedAt', 61 * 60_000)
    cloud.store.update('rescueAlerts', { _id: alertId }, { $set: { dueAt: new Date(Date.now() - 1000) } })
    await runJob(rescueJob)
    expect(unwrap(await get('ac-a', alertId))).toMatchObject({ status: 'closed', closedBy: 'timed_out', location: null })
    expect(await rescue('ac-a', 'respond', { alertId, answer: 'accept' })).toMatchObject({ ok: false, code: 'CONFLICT' })
  })
})

describe('abuse', () => {
  test('a brand-new account raises at most 2 a day; an older one more; a retry is the same alert', async () => {
    const p = base()
    const first = unwrap(await raise('ab-new', p, { requestId: 'ab-new-request-1' }))
    expect(unwrap(await raise('ab-new', p, { requestId: 'ab-new-request-1' }))).toEqual(first)
    unwrap(await raise('ab-new', p))
    expect(await raise('ab-new', p)).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
    cloud.store.insert('users', [{ _id: 'ab-old', displayName: '老用户', roles: [], homeCommunityId: null, staffCommunityIds: [], createdAt: new Date(Date.now() - 30 * 24 * 60 * 60_000) }])
    for (let i = 0; i < 3; i += 1) unwrap(await raise('ab-old', p))
    expect(await raise('ab-noncall', p, { called120: false })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })

  test('a drill only by staff of the community, and labelled in every message and view', async () => {
    const p = base()
    await responder('dr-a', at(p, 200))
    expect(await raise('dr-a', p, { drill: true, communityId: 'dadu' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await raise('demo-staff-2', p, { drill: true, communityId: 'nowhere' })).toMatchObject({ ok: false })
    const { alertId } = unwrap(await raise('demo-staff', p, { drill: true, communityId: 'dadu' }))
    const message = cloud.docs('inbox').find((m) => m.openid === 'dr-a' && String(m.page).endsWith(alertId))!
    expect(message.body).toContain('演练')
    expect(unwrap(await get('dr-a', alertId)).drill).toBe(true)
  })
})

test('concurrency: 30 accepts at once give one patient, one AED runner, no duplicate role messages', async () => {
  const p = base()
  cloud.store.insert('aeds', [aed('cc-aed', at(p, 0, 700))])
  const people = Array.from({ length: 30 }, (_x, i) => `cc-${i}`)
  for (const [i, openid] of people.entries()) await responder(openid, at(p, 300 * Math.sin(i), 300 + 20 * i))
  const { alertId, alerted } = unwrap(await raise('cc-raiser', p))
  expect(alerted).toBe(30)
  const views = await Promise.all(people.map((openid) => rescue<AlertView>(openid, 'respond', { alertId, answer: 'accept' })))
  const roles = views.map((v) => unwrap(v).mine!.role)
  expect(roles.filter((r) => r === 'patient')).toHaveLength(1)
  expect(roles.filter((r) => r === 'aed')).toHaveLength(1)
  expect(roles.filter((r) => r === 'support')).toHaveLength(28)
  await Promise.all(people.slice(0, 10).map((openid) => rescue(openid, 'respond', { alertId, answer: 'accept' })))
  const roleMessages = cloud.docs('inbox').filter((m) => m.kind === 'rescue_alert' && String(m.page).endsWith(alertId) && String(m.body).startsWith('您已接受'))
  expect(roleMessages).toHaveLength(30)
  expect(new Set(roleMessages.map((m) => m.openid)).size).toBe(30)
  expect(cloud.docs('rescueAlerts').find((a) => a._id === alertId)).toMatchObject({ accepted: 30 })
})
