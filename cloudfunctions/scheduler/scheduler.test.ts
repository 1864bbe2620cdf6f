import type { WishDetail } from '@/domain/wish/contract'
import { startTestCloud, unwrap, type TestCloud } from '../../localcloud/testing'
import { wishJob } from './jobs/wish'
import { runJob } from '../../localcloud/jobs-testing'

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
  expect(await jobsAt('2026-12-03T06:35:00Z')).toEqual(['activity', 'erasure', 'outbox', 'rescue'])
  expect(await jobsAt('2026-12-03T06:00:00Z')).toEqual(['activity', 'erasure', 'outbox', 'photos', 'rescue', 'stats-wanted', 'wish'])
  expect(await jobsAt('2026-12-03T01:00:00Z')).toEqual(['activity', 'aed', 'certificates', 'erasure', 'ledger', 'member', 'outbox', 'photos', 'rescue', 'stats', 'stats-wanted', 'training', 'training-numbers', 'verdicts', 'wish'])
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
