import dayjs from 'dayjs'
import type { ActivityView } from '@/domain/activity/contract'
import { todayInChina } from '@/domain/dates'
import type { Envelope } from '@/domain/envelope'
import { NOTIFY_KINDS, type NotifyKind } from '@/domain/notify/kinds'
import type { WishDetail } from '@/domain/wish/contract'
import { wxServerSdk } from '../localcloud/backend/install'
import { readFunctionConfig } from '../localcloud/function-host'
import { startTestCloud, TEST_DB_LATENCY, type TestCloud } from '../localcloud/testing'
import { notifyEach } from './_kit/notify'
import { uploadFolderOf } from './_kit/uploads'
import { reportIdOf } from './aed/reports'

/**
 * The largest fan-outs, each within its function's config.json timeout as on CloudBase, with
 * production's figures fixed so that a pass is never luck: every WeChat call at the slow end,
 * 300 ms (they answer in 100–300 ms; the slow end compounds over a function's many calls), every
 * new instance 1.2 s (a cold start "一般在1秒出头", https://cloud.tencent.com/developer/article/1980412;
 * "一般不会超过1.5秒", https://juejin.cn/post/6997309810228068382; it happens once per call), the
 * database 1–8 ms a request. Each call goes through the real function host, so a timeout shows
 * as CloudBase's 504 / -504003.
 */
const PRODUCTION = { openApiLatencyMs: 300, coldStartMs: 1200 }
const SIGNUPS = 1000
const GRANTED = 500

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud({ dbLatencyMs: TEST_DB_LATENCY, ...PRODUCTION })
})
afterAll(() => cloud.stop())

const timeoutMs = (fn: string) => readFunctionConfig(`${__dirname}/${fn}`).timeout * 1000

/** One call as the app makes it, and how long the caller waited; a 504 fails the test with CloudBase's answer. */
async function timed<T>(fn: string, openid: string, event: Record<string, unknown>): Promise<{ result: Envelope<T>; ms: number }> {
  const start = Date.now()
  const result = await cloud.call<T>(fn, openid, event)
  return { result, ms: Date.now() - start }
}

/** The person granted one message of this kind: on WeChat's side and in the server's count. */
function grant(openids: string[], kind: NotifyKind) {
  for (const _id of openids) {
    if (cloud.store.find('subscriptions', { _id }).length) cloud.store.update('subscriptions', { _id }, { $set: { [`grants.${kind}`]: 1 } })
    else cloud.store.insert('subscriptions', [{ _id, grants: { [kind]: 1 } }])
    cloud.grantSubscriptions(_id, [NOTIFY_KINDS[kind].templateId])
  }
}

/** Timer runs of the scheduler through the host (its own 60 s timeout) until no queued message is due. */
async function drainOutbox(): Promise<number[]> {
  const elapsed: number[] = []
  const due = () => cloud.docs('outbox').filter((doc) => doc.status === 'pending' && (doc.nextTryAt as Date) <= new Date()).length
  while (due() > 0 && elapsed.length < 5) {
    const start = Date.now()
    const run = (await cloud.functions.invoke('scheduler', { Type: 'Timer', TriggerName: 'every5Minutes', Time: new Date().toISOString() }, '')) as { ok: boolean }
    elapsed.push(Date.now() - start)
    expect(run.ok).toBe(true)
  }
  expect(due()).toBe(0)
  return elapsed
}

const sentTo = (openid: string, kind: NotifyKind) => cloud.outbox.list(openid).filter((m) => m.templateId === NOTIFY_KINDS[kind].templateId && m.errCode === undefined)

test(`cancelling an activity with ${SIGNUPS} sign-ups answers within activity's timeout; everyone gets the inbox entry, the ${GRANTED} with a grant the WeChat message, once`, async () => {
  const now = new Date()
  const startAt = dayjs(now).add(1, 'day').toDate()
  const activityId = 'fanout-activity'
  cloud.store.insert('activities', [
    {
      _id: activityId, title: '社区义诊志愿服务', type: 'clinic', description: '协助医生为老人量血压。', communityId: 'dadu', communityName: '大渡社区',
      organiserOpenid: 'demo-staff', organiserName: '张敏', location: { latitude: 30.0656, longitude: 120.5068, address: '大渡社区博爱家园' },
      startAt, endAt: dayjs(startAt).add(2, 'hour').toDate(), signupDeadline: startAt, capacity: 500, placesLeft: 0, seats: {}, hours: 2,
      checkInRadiusMeters: 300, minCoverage: 0.6, requiresCertificate: false, status: 'open', cancelReason: null, codeSecret: 'fanout-secret', createdAt: now,
    },
  ])
  const people = Array.from({ length: SIGNUPS }, (_unused, i) => `fo-volunteer-${i}`)
  // Straight into the store: a thousand sign-up calls would only slow the test.
  cloud.store.insert('activitySignups', people.map((openid, i) => ({
    _id: `${activityId}:${openid}`, activityId, openid, communityId: 'dadu', startAt, endAt: dayjs(startAt).add(2, 'hour').toDate(),
    status: i % 10 === 0 ? 'checked_in' : 'signed_up', seatToken: `seat-${i}`, signedUpAt: now, checkedInAt: null, checkedOutAt: null,
    checkInMethod: null, coverage: null, creditedHours: 0, makeup: null, reminded: false,
  })))
  const granted = people.slice(0, GRANTED)
  grant(granted, 'activity_cancelled')

  const { result, ms } = await timed<ActivityView>('activity', 'demo-staff', { action: 'cancel', activityId, reason: '台风预警，活动取消' })
  console.log(`[fan-out] activity.cancel with ${SIGNUPS} sign-ups: ${ms} ms (timeout ${timeoutMs('activity')} ms)`)
  expect(result).toMatchObject({ ok: true, data: { status: 'cancelled' } })
  expect(ms).toBeLessThan(timeoutMs('activity'))

  const told = () => cloud.docs('inbox').filter((m) => m.kind === 'activity_cancelled' && String(m.page).includes(activityId))
  expect(new Set(told().map((m) => m.openid)).size).toBe(SIGNUPS)
  const runs = await drainOutbox()
  console.log(`[fan-out] scheduler runs sending ${GRANTED} messages: ${runs.join(', ')} ms (timeout ${timeoutMs('scheduler')} ms)`)
  expect(runs.every((run) => run < timeoutMs('scheduler'))).toBe(true)
  expect(granted.filter((openid) => sentTo(openid, 'activity_cancelled').length === 1)).toHaveLength(GRANTED)
  expect(people.slice(GRANTED).filter((openid) => cloud.outbox.list(openid).length > 0)).toEqual([])

  // Cancelling again (a retry after a lost answer) tells nobody twice.
  const again = await timed('activity', 'demo-staff', { action: 'cancel', activityId, reason: '台风预警，活动取消' })
  expect(again.result.ok).toBe(true)
  await drainOutbox()
  expect(told()).toHaveLength(SIGNUPS)
  expect(granted.filter((openid) => sentTo(openid, 'activity_cancelled').length !== 1)).toEqual([])
}, 180_000)

test('an inspection finding an AED faulty, with its largest keeper list and 100 open reports, answers within aed’s timeout and reaches everyone', async () => {
  const now = new Date()
  const existing = cloud.docs('users').filter((u) => (u.staffCommunityIds as string[] | undefined)?.includes('dadu') && (u.roles as string[]).includes('staff')).length
  // alertKeepers reads at most 50 staff of the community; the guardian makes 51.
  const staff = Array.from({ length: 50 - existing }, (_unused, i) => `fo-staff-${i}`)
  cloud.store.insert('users', staff.map((_id, i) => ({ _id, displayName: `工作人员${i}`, roles: ['staff'], staffCommunityIds: ['dadu'], homeCommunityId: 'dadu', createdAt: now })))
  const aed = cloud.docs('aeds').find((doc) => doc.communityId === 'dadu')!
  const aedId = String(aed._id)
  cloud.store.update('aeds', { _id: aedId }, { $set: { guardianOpenid: 'fo-guardian' } })
  const reporters = Array.from({ length: 100 }, (_unused, i) => `fo-reporter-${i}`)
  cloud.store.insert('aedReports', reporters.map((openid) => ({
    _id: reportIdOf(openid, aedId, 'fault', 1), aedId, aedName: aed.name, communityId: 'dadu', kind: 'fault', note: '', photo: null,
    reporterOpenid: openid, round: 1, status: 'open', createdAt: now,
  })))
  const keepers = [...cloud.docs('users').filter((u) => (u.staffCommunityIds as string[] | undefined)?.includes('dadu') && (u.roles as string[]).includes('staff')).map((u) => String(u._id)), 'fo-guardian']
  expect(keepers).toHaveLength(51)
  grant(keepers, 'aed_alert')
  grant(reporters, 'aed_report')

  const dates = { padsExpiry: dayjs().add(400, 'day').format('YYYY-MM-DD'), batteryExpiry: dayjs().add(800, 'day').format('YYYY-MM-DD') }
  const checklist = { statusLight: false, padsSealed: true, batteryOk: true, cabinetOpens: true, alarmWorks: true, paediatricPads: 'notEquipped' }
  const { result, ms } = await timed('aed', 'demo-staff', { action: 'inspect', aedId, date: todayInChina(), result: 'faulty', checklist, ...dates })
  console.log(`[fan-out] aed.inspect (faulty) with 51 keepers and 100 open reports: ${ms} ms (timeout ${timeoutMs('aed')} ms)`)
  expect(result.ok).toBe(true)
  expect(ms).toBeLessThan(timeoutMs('aed'))

  const inbox = cloud.docs('inbox')
  expect(keepers.filter((openid) => !inbox.some((m) => m.openid === openid && m.kind === 'aed_alert' && String(m.page).includes(aedId)))).toEqual([])
  expect(reporters.filter((openid) => !inbox.some((m) => m.openid === openid && m.kind === 'aed_report'))).toEqual([])
  await drainOutbox()
  expect(keepers.filter((openid) => sentTo(openid, 'aed_alert').length !== 1)).toEqual([])
  expect(reporters.filter((openid) => sentTo(openid, 'aed_report').length !== 1)).toEqual([])
}, 120_000)

test('a wish with 3 photos and text the check sends to review answers within wish’s timeout, its photos each sent to their check', async () => {
  const owner = 'fo-wisher'
  const sdk = wxServerSdk() as { uploadFile(p: object): Promise<{ fileID: string }> }
  const images = await Promise.all([1, 2, 3].map(async (n) => (await sdk.uploadFile({ cloudPath: `${uploadFolderOf(owner)}/wishes/photo-${n}.jpg`, fileContent: Buffer.from('jpeg') })).fileID))
  // Every staff member of the community (50, from the test above) hears of the review queue.
  const staff = cloud.docs('users').filter((u) => (u.staffCommunityIds as string[] | undefined)?.includes('dadu')).map((u) => String(u._id))
  grant(staff, 'staff_todo')

  const { result, ms } = await timed<WishDetail>('wish', owner, {
    action: 'create', title: '想请人帮忙修理轮椅', content: '轮椅的刹车坏了，有意者加微信联系我。', category: '生活帮扶', communityId: 'dadu', contactPhone: '13900001111', images,
  })
  console.log(`[fan-out] wish.create with 3 photos and a text check: ${ms} ms (timeout ${timeoutMs('wish')} ms)`)
  expect(result).toMatchObject({ ok: true, data: { status: 'pending_review' } })
  expect(ms).toBeLessThan(timeoutMs('wish'))
  const stored = cloud.store.find('wishes', { ownerOpenid: owner })[0] as unknown as { images: Array<{ fileID: string; traceId?: string }> }
  expect(stored.images.map((image) => [image.fileID, typeof image.traceId])).toEqual(images.map((fileID) => [fileID, 'string']))
}, 30_000)

test('a fan-out follows each person’s 消息设置 as notify does, and a second run adds nothing', async () => {
  grant(['fo-set-granted', 'fo-set-off', 'fo-set-off-essential'], 'aed_report')
  grant(['fo-set-off-essential'], 'activity_cancelled')
  cloud.store.update('subscriptions', { _id: 'fo-set-off' }, { $set: { 'off.aed_report': true } })
  cloud.store.update('subscriptions', { _id: 'fo-set-off-essential' }, { $set: { 'off.activity_cancelled': true } })
  const report = { aedId: 'aed-x', aedName: '测试AED', kind: 'fault' as const, outcome: 'resolved' as const, resolution: '已修复', at: new Date() }
  const cancelled = { activityId: 'act-x', title: '测试活动', reason: '天气原因', startAt: new Date() }
  const fanOut = () =>
    Promise.all([
      notifyEach('aed_report', ['fo-set-granted', 'fo-set-off', 'fo-set-plain'].map((openid) => ({ _id: `fo-set-r-${openid}`, openid, payload: report }))),
      notifyEach('activity_cancelled', [{ _id: 'fo-set-c', openid: 'fo-set-off-essential', payload: cancelled }]),
    ])
  await fanOut()
  await fanOut()
  const ids = (collection: string) => cloud.docs(collection).map((doc) => String(doc._id)).filter((id) => id.startsWith('fo-set-')).sort()
  // aed_report is not essential: turned off, nothing at all; activity_cancelled is: the inbox only.
  expect(ids('inbox')).toEqual(['fo-set-c', 'fo-set-r-fo-set-granted', 'fo-set-r-fo-set-plain'])
  expect(ids('outbox')).toEqual(['fo-set-r-fo-set-granted'])
})
