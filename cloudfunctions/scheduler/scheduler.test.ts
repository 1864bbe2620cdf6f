import type { WishDetail } from '@/domain/wish/contract'
import { startTestCloud, unwrap, type TestCloud } from '../../localcloud/testing'
import { wishJob } from './jobs/wish'
import { runJob } from '../../localcloud/jobs-testing'
import { runAs } from '../../localcloud/backend/identity'
import { settleMark, type JobMark } from '../_kit/job-marks'
import { queueFirstTry } from '../_kit/outbox'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
})
afterAll(() => cloud.stop())

let owners = 0
/** A resident posts a wish and demo-volunteer claims it; its deadline has passed. */
async function overdueClaim(title: string): Promise<string> {
  owners += 1
  const created = unwrap(
    await cloud.call<WishDetail>('wish', `sched-owner-${owners}`, {
      action: 'create', title, content: '家里的水龙头一直滴水，想请志愿者帮忙看看换个垫圈。', category: '生活帮扶', communityId: 'dadu', contactPhone: '13900001111',
    }),
  )
  unwrap(await cloud.call('wish', 'demo-volunteer', { action: 'claim', wishId: created._id }))
  cloud.store.update('wishes', { _id: created._id }, { $set: { claimDeadline: new Date(Date.now() - 60_000) } })
  return created._id
}
const statusOf = (id: string) => cloud.store.find('wishes', { _id: id })[0].status
const releasedMessages = () => cloud.docs('inbox').filter((m) => String(m.body).includes('认领超时'))
type Run = { ok: boolean; jobs: Record<string, unknown> }
const fire = (time: string) => cloud.functions.invoke('scheduler', { Type: 'Timer', TriggerName: 'every5Minutes', Time: time }, '') as Promise<Run>
/** Claim deadlines are hourly work: the run on the hour (14:00 in China). */
const runScheduler = () => fire('2026-12-03T06:00:00Z')

test('only the platform runs it: a caller from the app changes nothing', async () => {
  const id = await overdueClaim('换水龙头垫圈一')
  expect(await cloud.call('scheduler', 'demo-resident', {})).toEqual({ ok: false })
  expect(statusOf(id)).toBe('claimed')
  await runScheduler()
})

test('run twice, it tells once; every job reports what it did', async () => {
  const id = await overdueClaim('换水龙头垫圈二')
  const told = releasedMessages().length
  const [first, second] = [await runScheduler(), await runScheduler()]
  expect(first).toMatchObject({ ok: true, jobs: { wish: { done: 1, more: false }, photos: { done: 0 } } })
  expect(second).toMatchObject({ ok: true, jobs: { wish: { done: 0, more: false } } })
  expect(statusOf(id)).toBe('open')
  // The owner and the claimer, once each.
  expect(releasedMessages().length - told).toBe(2)
})

test('every 5 minutes the frequent jobs run; on the hour the hourly ones too; at 09:00 China time the daily ones', async () => {
  const jobsAt = async (time: string) => Object.keys((await fire(time)).jobs).sort()
  // The jobs that keep a mark (erasure, outbox, rescue, activity reminders, the daily 家园数据 sweep)
  // have nothing to do here: asleep (next tests). The sweep ran at the first run and sleeps until
  // the next 09:00 by the clock, whatever time the trigger says.
  expect(await jobsAt('2026-12-03T06:35:00Z')).toEqual([])
  expect(await jobsAt('2026-12-03T06:00:00Z')).toEqual(['photos', 'stats-wanted', 'wish'])
  expect(await jobsAt('2026-12-03T01:00:00Z')).toEqual(['aed', 'certificates', 'ledger', 'member', 'photos', 'stats-wanted', 'training', 'training-numbers', 'verdicts', 'wish'])
})

describe('jobs that keep a mark run only while they have work (#25)', () => {
  const between = () => fire('2026-12-03T06:35:00Z')
  const mark = (job: string) => cloud.store.find('jobMarks', { _id: job })[0] as unknown as JobMark | undefined
  const ran = async () => Object.keys((await between()).jobs).sort()
  const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000)

  test('asleep, a run reads the marks once and nothing else of theirs', async () => {
    await between()
    cloud.usage.reset()
    await between()
    const [run] = cloud.usage.invocations()
    // The marks: nothing else.
    expect(run.requests).toBe(1)
  })

  test('a tombstone wakes the erasure job, which then sleeps until the sweep is due, sweeps, and sleeps', async () => {
    unwrap(await cloud.call('user', 'sched-leaver', { action: 'updateProfile', displayName: '要注销的人' }))
    unwrap(await cloud.call('user', 'sched-leaver', { action: 'deleteAccount', confirm: true }))
    expect(await ran()).toEqual(['erasure'])
    const { erasing } = cloud.store.find('users', { _id: 'sched-leaver' })[0] as unknown as { erasing: { sweepAfter: Date } }
    expect(mark('erasure')?.dueAt).toEqual(erasing.sweepAfter)
    expect(await ran()).toEqual([])
    // Three minutes later the sweep is due.
    cloud.store.update('users', { _id: 'sched-leaver' }, { $set: { 'erasing.sweepAfter': minutesAgo(1) } })
    cloud.store.update('jobMarks', { _id: 'erasure' }, { $set: { dueAt: minutesAgo(1) } })
    expect((await between()).jobs.erasure).toEqual({ done: 1, more: false })
    expect(cloud.store.find('users', { _id: 'sched-leaver' })).toHaveLength(0)
    expect(mark('erasure')?.dueAt).toBeNull()
    expect(await ran()).toEqual([])
  })

  test('a 紧急呼 wakes the rescue job, which then sleeps until the alert is owed something', async () => {
    const { alertId } = unwrap(await cloud.call<{ alertId: string }>('rescue', 'sched-raiser', { action: 'raise', latitude: 30.0656, longitude: 120.5068, kind: 'cardiac_arrest', called120: true, requestId: 'sched-raise-1' }))
    expect(await ran()).toEqual(['rescue'])
    const alert = cloud.store.find('rescueAlerts', { _id: alertId })[0] as unknown as { dueAt: Date }
    expect(alert.dueAt).not.toBeNull()
    expect(mark('rescue')?.dueAt).toEqual(alert.dueAt)
    expect(await ran()).toEqual([])
  })

  test('a queued message wakes the outbox job, which sends it and sleeps', async () => {
    await runAs({ openid: '', appid: 'test', functionName: 'wish' }, () =>
      queueFirstTry('sched-msg-1', { openid: 'demo-volunteer', kind: 'wish_update', page: 'packages/wish/pages/detail/index?id=w1', data: {} }),
    )
    expect(await ran()).toEqual(['outbox'])
    expect(cloud.store.find('outbox', { _id: 'sched-msg-1' })[0]).toMatchObject({ tries: 1 })
    expect(await ran()).toEqual([])
  })

  test('a wake during a run is not lost: the mark stays due', async () => {
    const seen = mark('outbox')
    expect(seen).toBeDefined()
    // A message queued while the run was under way moved the count of wakes on.
    cloud.store.update('jobMarks', { _id: 'outbox' }, { $set: { dueAt: minutesAgo(0) }, $inc: { seq: 1 } })
    await settleMark('outbox', seen, null)
    expect(mark('outbox')?.dueAt).not.toBeNull()
    expect(await ran()).toEqual(['outbox'])
    expect(mark('outbox')?.dueAt).toBeNull()
  })
})

test('two runs at once release a claim once', async () => {
  await overdueClaim('换水龙头垫圈三')
  const told = releasedMessages().length
  const runs = await Promise.all([runScheduler(), runScheduler()])
  expect(runs.map((run) => (run.jobs.wish as { done: number }).done).sort()).toEqual([0, 1])
  expect(releasedMessages().length - told).toBe(2)
})

test('a run stops at its batch or when its time is up, and the next run goes on from there', async () => {
  const ids = [await overdueClaim('修门锁一'), await overdueClaim('修门锁二'), await overdueClaim('修门锁三')]
  expect(await runJob(wishJob, { batch: 2 })).toEqual({ done: 2, more: true })
  expect(ids.map(statusOf).sort()).toEqual(['claimed', 'open', 'open'])
  expect(await runJob(wishJob, { hasTime: () => false })).toEqual({ done: 0, more: true })
  expect(await runJob(wishJob, { batch: 2 })).toEqual({ done: 1, more: false })
  expect(ids.map(statusOf)).toEqual(['open', 'open', 'open'])
})
