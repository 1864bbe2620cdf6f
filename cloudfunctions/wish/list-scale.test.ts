import type { Page } from '@/domain/contract'
import type { WishSummary } from '@/domain/wish/contract'
import { startTestCloud, unwrap, type TestCloud } from '../../localcloud/testing'

/**
 * The wish wall's first page costs the same at any size of the wall (issue 25): the caller's
 * record and one read of a page plus one wish (which only says there is more), never a count.
 * Counted by the store per invocation, not timed.
 */
let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
})
afterAll(() => cloud.stop())

const COMMUNITY = 'scale-wall'
let inserted = 0
function addWishes(count: number): void {
  const now = Date.now()
  cloud.store.insert(
    'wishes',
    Array.from({ length: count }, () => {
      const i = inserted++
      return {
        _id: `scale-wish-${i}`, ownerOpenid: `scale-owner-${i % 50}`, ownerName: '居民', title: `心愿 ${i}`, content: '需要志愿者帮忙处理一些生活上的小事情。', category: '生活帮扶',
        communityId: COMMUNITY, communityName: '测试社区', hours: 1, images: [], contactPhone: '13800000000', dueDate: null, status: 'open', rank: 0,
        claimerOpenid: null, claimerName: null, claimedAt: null, claimDeadline: null, fulfilment: null, thanks: null, history: [], createdAt: new Date(now - i * 60_000),
      }
    }),
  )
}

async function firstPage(pageSize: number, page = 1): Promise<{ result: Page<WishSummary>; requests: number; roundTrips: number }> {
  const result = unwrap(await cloud.call<Page<WishSummary>>('wish', 'demo-resident', { action: 'list', communityId: COMMUNITY, status: 'open', page, pageSize }))
  const last = cloud.usage.invocations().at(-1)
  expect(last).toMatchObject({ functionName: 'wish', action: 'list' })
  return { result, requests: last!.requests, roundTrips: last!.roundTrips }
}

test('page 1 makes the same two requests side by side (the record, one page read) at 10 wishes and at 2,000', async () => {
  addWishes(10)
  const small = await firstPage(20)
  expect(small.result.items).toHaveLength(10)
  expect(small.result.hasMore).toBe(false)

  addWishes(1990)
  const large = await firstPage(20)
  expect(large.result.items).toHaveLength(20)
  expect(large.result.hasMore).toBe(true)

  expect([small.requests, small.roundTrips]).toEqual([2, 1])
  expect([large.requests, large.roundTrips]).toEqual([2, 1])
})

test('hasMore comes from one wish beyond the page: false on the last page, also when it is exactly full', async () => {
  // 2,000 wishes at 50 a page: page 40 is the last, and full.
  const last = await firstPage(50, 40)
  expect(last.result.items).toHaveLength(50)
  expect(last.result.hasMore).toBe(false)
  expect((await firstPage(50, 39)).result.hasMore).toBe(true)
  expect((await firstPage(50, 41)).result).toMatchObject({ items: [], hasMore: false })
})
