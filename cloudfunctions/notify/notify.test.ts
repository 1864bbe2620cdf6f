import type { Page } from '@/domain/contract'
import type { InboxMessage } from '@/domain/notify/contract'
import { NOTIFY_KINDS } from '@/domain/notify/kinds'
import { runAs } from '../../localcloud/backend/identity'
import { startTestCloud, type TestCloud } from '../../localcloud/testing'
import { notify } from '../_kit/notify'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
})
afterAll(() => cloud.stop())

const review = { approved: true, memberNo: 'YL2026000001', reviewedAt: '2026-11-23 10:00' }
const send = (openid: string) => runAs({ openid: 'system', appid: 'test' }, () => notify(openid, 'member_review', review))
const outboxFor = async (openid: string) =>
  ((await (await fetch(`${cloud.url}/api/dev/outbox?openid=${openid}`)).json()) as { items: Array<{ templateId: string; data: object; page: string }> }).items
const inbox = (openid: string, page = 1, pageSize = 20) =>
  cloud.call<Page<InboxMessage> & { unread: number }>('notify', openid, { action: 'inbox', page, pageSize })

describe('notify()', () => {
  test('without a granted subscription it lands in the inbox only', async () => {
    const result = await send('n-nogrant')
    expect(result.sent).toBe(false)
    expect(await outboxFor('n-nogrant')).toEqual([])
    const listed = await inbox('n-nogrant')
    expect(listed.ok && listed.data.items.map((m) => [m.kind, m.title, m.read])).toEqual([['member_review', '入会审核结果', false]])
  })

  test('a granted one-time subscription is spent on exactly one subscribe message', async () => {
    const granted = await cloud.call('notify', 'n-granted', { action: 'subscribed', results: { [NOTIFY_KINDS.member_review.templateId]: 'accept', 'unknown-template': 'accept' } })
    expect(granted).toEqual({ ok: true, data: { grants: { member_review: 1 } } })

    expect((await send('n-granted')).sent).toBe(true)
    expect((await send('n-granted')).sent).toBe(false)

    const messages = await outboxFor('n-granted')
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatchObject({
      templateId: NOTIFY_KINDS.member_review.templateId,
      page: NOTIFY_KINDS.member_review.page,
      data: { phrase1: { value: '已通过' }, thing2: { value: '会员号YL2026000001' }, time3: { value: review.reviewedAt } },
    })
    const listed = await inbox('n-granted')
    expect(listed.ok && listed.data.total).toBe(2)
  })

  test('a rejected subscription grants nothing', async () => {
    const result = await cloud.call('notify', 'n-reject', { action: 'subscribed', results: { [NOTIFY_KINDS.member_review.templateId]: 'reject' } })
    expect(result).toEqual({ ok: true, data: { grants: {} } })
  })
})

describe('notify.inbox and markRead', () => {
  beforeAll(async () => {
    for (let i = 0; i < 25; i++) await send('n-many')
    await send('n-other')
  })

  test('pages newest first, with totals and the unread count, own messages only', async () => {
    const first = await inbox('n-many', 1, 20)
    const second = await inbox('n-many', 2, 20)
    if (!first.ok || !second.ok) throw new Error('inbox failed')
    expect([first.data.items.length, second.data.items.length, first.data.total, first.data.unread]).toEqual([20, 5, 25, 25])
    const times = [...first.data.items, ...second.data.items].map((m) => m.createdAt)
    expect(times).toEqual([...times].sort().reverse())
    expect(new Set([...first.data.items, ...second.data.items].map((m) => m._id)).size).toBe(25)
  })

  test('marks only the caller’s own messages read', async () => {
    const mine = await inbox('n-many', 1, 3)
    const others = await inbox('n-other')
    if (!mine.ok || !others.ok) throw new Error('inbox failed')
    const ids = [...mine.data.items.map((m) => m._id), others.data.items[0]._id]

    const result = await cloud.call('notify', 'n-many', { action: 'markRead', messageIds: ids })
    expect(result).toEqual({ ok: true, data: { updated: 3 } })
    const after = await inbox('n-many')
    expect(after.ok && after.data.unread).toBe(22)
    const untouched = await inbox('n-other')
    expect(untouched.ok && untouched.data.unread).toBe(1)
  })
})
