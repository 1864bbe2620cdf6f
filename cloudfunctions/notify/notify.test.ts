import type { Page } from '@/domain/contract'
import type { InboxMessage } from '@/domain/notify/contract'
import { NOTIFY_KINDS } from '@/domain/notify/kinds'
import { runAs } from '../../localcloud/backend/identity'
import { startTestCloud, unwrap, type TestCloud } from '../../localcloud/testing'
import { cloud as sdk } from '../_kit/cloud'
import { notify } from '../_kit/notify'
import { outboxJob } from '../scheduler/jobs/outbox'
import { runJob } from '../../localcloud/jobs-testing'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
})
afterAll(() => cloud.stop())

const TEMPLATE = NOTIFY_KINDS.member_review.templateId
const review = { approved: true, memberNo: 'YL2026000001', reviewedAt: new Date('2026-11-23T02:00:00.000Z') }
// As a function allowed to send subscribe messages (its config.json permissions.openapi).
const send = (openid: string) => runAs({ openid: 'system', appid: 'test', openapi: ['subscribeMessage.send'] }, () => notify(openid, 'member_review', review))
type OutboxItem = { templateId: string; data: object; page: string; miniprogramState?: string; errCode?: number }
const outboxFor = async (openid: string) => ((await (await fetch(`${cloud.url}/api/dev/outbox?openid=${openid}`)).json()) as { items: OutboxItem[] }).items
const delivered = async (openid: string) => (await outboxFor(openid)).filter((m) => m.errCode === undefined)
const inbox = (openid: string, page = 1, pageSize = 20) =>
  cloud.call<Page<InboxMessage> & { unread: number }>('notify', openid, { action: 'inbox', page, pageSize })
/** The person accepts the template in WeChat's prompt: WeChat's side and our count both hold it. */
const subscribe = async (openid: string, times = 1) => {
  for (let i = 0; i < times; i++) {
    cloud.grantSubscriptions(openid, [TEMPLATE])
    unwrap(await cloud.call('notify', openid, { action: 'subscribed', results: { [TEMPLATE]: 'accept' } }))
  }
}
const grantsOf = (openid: string) => cloud.docs('subscriptions').find((d) => d._id === openid)?.grants

describe('notify()', () => {
  test('without a granted subscription it lands in the inbox only', async () => {
    const result = await send('n-nogrant')
    expect(result.sent).toBe(false)
    // Nothing granted: WeChat is not even asked.
    expect(await outboxFor('n-nogrant')).toEqual([])
    const listed = await inbox('n-nogrant')
    expect(listed.ok && listed.data.items.map((m) => [m.kind, m.title, m.read])).toEqual([['member_review', '入会审核结果', false]])
  })

  test('a granted one-time subscription is spent on exactly one subscribe message', async () => {
    cloud.grantSubscriptions('n-granted', [TEMPLATE])
    const granted = await cloud.call('notify', 'n-granted', { action: 'subscribed', results: { [TEMPLATE]: 'accept', 'unknown-template': 'accept' } })
    expect(granted).toEqual({ ok: true, data: { grants: { member_review: 1 } } })

    expect((await send('n-granted')).sent).toBe(true)
    expect((await send('n-granted')).sent).toBe(false)

    const messages = await delivered('n-granted')
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatchObject({
      templateId: TEMPLATE,
      page: 'packages/member/pages/index/index',
      data: { phrase1: { value: '已通过' }, thing2: { value: '会员号YL2026000001' }, time3: { value: '2026年11月23日 10:00' } },
    })
    const listed = await inbox('n-granted')
    expect(listed.ok && listed.data.items.length).toBe(2)
  })

  test('a rejected subscription grants nothing', async () => {
    const result = await cloud.call('notify', 'n-reject', { action: 'subscribed', results: { [TEMPLATE]: 'reject' } })
    expect(result).toEqual({ ok: true, data: { grants: {} } })
  })

  test('a send WeChat refuses keeps the grant for the next message', async () => {
    await subscribe('n-refused')
    const refusal = Object.assign(new Error('argument invalid! data.thing2.value invalid'), { errCode: 47003 })
    const spy = jest.spyOn(sdk.openapi.subscribeMessage, 'send').mockRejectedValueOnce(refusal)
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    try {
      expect((await send('n-refused')).sent).toBe(false)
      // Logged with kind and code only, never the payload.
      expect(warn.mock.calls.map((call) => call.join(' '))).toEqual(['[notify] subscribe message not sent: kind=member_review errCode=47003'])
    } finally {
      spy.mockRestore()
      warn.mockRestore()
    }
    expect(grantsOf('n-refused')).toEqual({ member_review: 1 })
    expect((await send('n-refused')).sent).toBe(true)
    expect(grantsOf('n-refused')).toEqual({ member_review: 0 })
  })

  test('43101 (no grant on WeChat\'s side, e.g. cancelled in settings) goes to the inbox quietly and clears the grants counted', async () => {
    unwrap(await cloud.call('notify', 'n-cancelled', { action: 'subscribed', results: { [TEMPLATE]: 'accept' } }))
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    try {
      expect((await send('n-cancelled')).sent).toBe(false)
      expect(warn).not.toHaveBeenCalled()
    } finally {
      warn.mockRestore()
    }
    expect(grantsOf('n-cancelled')).toEqual({ member_review: 0 })
    expect((await outboxFor('n-cancelled')).map((m) => m.errCode)).toEqual([43101])
    expect(cloud.docs('outbox').filter((m) => m.openid === 'n-cancelled')).toEqual([])
  })

  test('a long-term kind (NOTIFY_LONG_TERM) spends no grant', async () => {
    await subscribe('n-long')
    process.env.NOTIFY_LONG_TERM = 'wish_update, member_review'
    try {
      expect((await send('n-long')).sent).toBe(true)
    } finally {
      delete process.env.NOTIFY_LONG_TERM
    }
    expect(grantsOf('n-long')).toEqual({ member_review: 1 })
  })

  test('concurrent notifications never spend more grants than were given', async () => {
    await subscribe('n-race', 2)
    const results = await Promise.all(Array.from({ length: 6 }, () => send('n-race')))
    expect(results.filter((r) => r.sent)).toHaveLength(2)
    expect(await delivered('n-race')).toHaveLength(2)
    expect(grantsOf('n-race')).toEqual({ member_review: 0 })
    const listed = await inbox('n-race')
    expect(listed.ok && listed.data.items.length).toBe(6)
  })

  test('concurrent subscriptions of a new person all count', async () => {
    await Promise.all(Array.from({ length: 4 }, () => cloud.call('notify', 'n-new', { action: 'subscribed', results: { [TEMPLATE]: 'accept' } })))
    expect(grantsOf('n-new')).toEqual({ member_review: 4 })
  })
})

describe('the outbox', () => {
  const outboxDoc = (openid: string) => cloud.docs('outbox').filter((m) => m.openid === openid)
  /** Time passes: the queued message is due now. */
  const due = (openid: string) =>
    outboxDoc(openid).forEach(({ _id }) => cloud.store.update('outbox', { _id }, { $set: { nextTryAt: new Date(Date.now() - 1000) } }))
  const quietly = async <T>(run: () => Promise<T>) => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    try {
      return await run()
    } finally {
      warn.mockRestore()
    }
  }

  test('a send that fails for a passing reason is queued with the reason, retried after a minute, and then delivered', async () => {
    await subscribe('n-busy')
    cloud.sendFaults.failNext(1)
    expect((await quietly(() => send('n-busy'))).sent).toBe(false)
    expect(grantsOf('n-busy')).toEqual({ member_review: 1 })
    const [queued] = outboxDoc('n-busy')
    expect(queued).toMatchObject({ status: 'pending', tries: 1, errCode: -1, kind: 'member_review', page: 'packages/member/pages/index/index' })
    const wait = (queued.nextTryAt as Date).getTime() - (queued.createdAt as Date).getTime()
    expect(wait).toBe(60_000)

    // Not yet due: nothing is tried.
    expect(await runJob(outboxJob)).toEqual({ done: 0, more: false })
    due('n-busy')
    expect(await runJob(outboxJob)).toEqual({ done: 1, more: false })
    expect(outboxDoc('n-busy')).toEqual([expect.objectContaining({ status: 'sent', tries: 2 })])
    expect(await delivered('n-busy')).toHaveLength(1)
    expect(grantsOf('n-busy')).toEqual({ member_review: 0 })
    // Run again: sent once.
    due('n-busy')
    expect(await runJob(outboxJob)).toEqual({ done: 0, more: false })
    expect(await delivered('n-busy')).toHaveLength(1)
  })

  test('a send that keeps failing is tried 5 times in all, backing off, then marked failed with its grant kept', async () => {
    await subscribe('n-down')
    cloud.sendFaults.failNext(5, 45009)
    await quietly(() => send('n-down'))
    const waits: number[] = []
    for (let run = 0; run < 4; run++) {
      const [doc] = outboxDoc('n-down')
      waits.push(Math.round(((doc.nextTryAt as Date).getTime() - (doc.updatedAt as Date).getTime()) / 60_000))
      due('n-down')
      await quietly(() => runJob(outboxJob))
    }
    expect(waits).toEqual([1, 5, 15, 60])
    expect(outboxDoc('n-down')).toEqual([expect.objectContaining({ status: 'failed', tries: 5, errCode: 45009 })])
    due('n-down')
    expect(await runJob(outboxJob)).toEqual({ done: 0, more: false })
    expect((await outboxFor('n-down')).map((m) => m.errCode)).toEqual([45009, 45009, 45009, 45009, 45009])
    expect(grantsOf('n-down')).toEqual({ member_review: 1 })
  })

  test('a retry WeChat answers with 43101 ends there and clears the grants counted', async () => {
    await subscribe('n-gone')
    cloud.sendFaults.failNext(1)
    await quietly(() => send('n-gone'))
    // Meanwhile the person turned the template off in WeChat's settings.
    expect(cloud.grants.spend('n-gone', TEMPLATE)).toBe(true)
    due('n-gone')
    expect(await runJob(outboxJob)).toEqual({ done: 0, more: false })
    expect(outboxDoc('n-gone')).toEqual([expect.objectContaining({ status: 'no_grant', errCode: 43101 })])
    expect(grantsOf('n-gone')).toEqual({ member_review: 0 })
  })

  test('two runs at once send a due message once', async () => {
    await subscribe('n-twice', 2)
    cloud.sendFaults.failNext(1)
    await quietly(() => send('n-twice'))
    due('n-twice')
    const runs = await Promise.all([runJob(outboxJob), runJob(outboxJob), runJob(outboxJob)])
    expect(runs.map((r) => r.done).sort()).toEqual([0, 0, 1])
    expect(await delivered('n-twice')).toHaveLength(1)
    expect(grantsOf('n-twice')).toEqual({ member_review: 1 })
  })
})

describe('staff queues', () => {
  const STAFF_TODO = NOTIFY_KINDS.staff_todo.templateId
  const register = (openid: string) =>
    cloud.call('volunteer', openid, { action: 'register', name: '周敏', phone: '13857500009', communityId: 'gangyue', birthYear: 1980, skills: ['陪伴聊天'], availability: ['sat-am'] })
  const todos = (openid: string) => cloud.docs('inbox').filter((m) => m.openid === openid && m.kind === 'staff_todo')

  test('new items of a queue tell each staff member once an hour, with the count waiting', async () => {
    for (let i = 0; i < 2; i++) {
      cloud.grantSubscriptions('demo-staff', [STAFF_TODO])
      unwrap(await cloud.call('notify', 'demo-staff', { action: 'subscribed', results: { [STAFF_TODO]: 'accept' } }))
    }
    const sentBefore = (await delivered('demo-staff')).length
    for (const openid of ['q-vol-1', 'q-vol-2', 'q-vol-3']) unwrap(await register(openid))
    const waiting = cloud.store.count('volunteers', { communityId: { $in: ['gangyue', 'yulan', 'dadu'] }, status: 'pending' })
    expect(waiting).toBeGreaterThanOrEqual(3)

    const [message] = todos('demo-staff')
    expect(todos('demo-staff')).toHaveLength(1)
    expect(message).toMatchObject({ title: '工作台待办', body: `志愿者注册有 ${waiting} 条待处理，请到工作台查看。`, page: 'packages/staff/pages/volunteers/index', read: false })
    // The WeChat message waits for the scheduler: the resident's call has no room for it.
    expect(await delivered('demo-staff')).toHaveLength(sentBefore)
    await runJob(outboxJob)
    const sent = (await delivered('demo-staff')).slice(0, -sentBefore || undefined)
    expect(sent.map((m) => [m.templateId, m.page])).toEqual([[STAFF_TODO, 'packages/staff/pages/volunteers/index']])
    expect(sent[0].data).toMatchObject({ thing1: { value: '志愿者注册' } })
  })

  test('many at once still make one message', async () => {
    unwrap(await cloud.call('notify', 'demo-staff', { action: 'markAllRead' }))
    await Promise.all(['q-vol-4', 'q-vol-5', 'q-vol-6', 'q-vol-7'].map(register))
    expect(todos('demo-staff')).toHaveLength(1)
    expect(todos('demo-staff')[0].read).toBe(false)
  })
})

describe('消息设置', () => {
  const settings = (openid: string) => cloud.call<{ items: Array<{ kind: string; essential: boolean; on: boolean }> }>('notify', openid, { action: 'settings' })
  const setKind = (openid: string, kind: string, on: boolean) => cloud.call<{ items: Array<{ kind: string; on: boolean }> }>('notify', openid, { action: 'setKind', kind, on })
  const cert = { number: 'JHY202300009', validUntil: '2027-01-05' }
  const sendAs = <K extends 'member_review' | 'cert_reminder'>(openid: string, kind: K) =>
    runAs({ openid: 'system', appid: 'test', openapi: ['subscribeMessage.send'] }, () => (kind === 'member_review' ? notify(openid, 'member_review', review) : notify(openid, 'cert_reminder', cert)))

  test('everything is on at first; essential kinds are marked', async () => {
    const { items } = unwrap(await settings('s-fresh'))
    expect(items.every((i) => i.on)).toBe(true)
    expect(items.find((i) => i.kind === 'member_review')).toMatchObject({ essential: true })
    expect(items.find((i) => i.kind === 'cert_reminder')).toMatchObject({ essential: false })
  })

  test('a non-essential kind turned off sends nothing at all', async () => {
    const CERT = NOTIFY_KINDS.cert_reminder.templateId
    cloud.grantSubscriptions('s-off', [CERT])
    unwrap(await cloud.call('notify', 's-off', { action: 'subscribed', results: { [CERT]: 'accept' } }))
    unwrap(await setKind('s-off', 'cert_reminder', false))
    expect(await sendAs('s-off', 'cert_reminder')).toEqual({ inboxId: null, sent: false })
    expect(cloud.docs('inbox').filter((m) => m.openid === 's-off')).toEqual([])
    expect(await outboxFor('s-off')).toEqual([])
    // On again: it reaches the person.
    expect(unwrap(await setKind('s-off', 'cert_reminder', true)).items.find((i) => i.kind === 'cert_reminder')?.on).toBe(true)
    expect((await sendAs('s-off', 'cert_reminder')).sent).toBe(true)
  })

  test('an essential kind turned off still reaches the inbox, with no subscribe message and its grant kept', async () => {
    await subscribe('s-essential')
    unwrap(await setKind('s-essential', 'member_review', false))
    expect((await sendAs('s-essential', 'member_review')).sent).toBe(false)
    expect(cloud.docs('inbox').filter((m) => m.openid === 's-essential').map((m) => m.kind)).toEqual(['member_review'])
    expect(await outboxFor('s-essential')).toEqual([])
    expect(grantsOf('s-essential')).toEqual({ member_review: 1 })
  })

  test('turning off keeps the grants counted; a made-up kind is refused', async () => {
    await subscribe('s-keep')
    unwrap(await setKind('s-keep', 'wish_update', false))
    expect(grantsOf('s-keep')).toEqual({ member_review: 1 })
    expect(await setKind('s-keep', 'nonsense', false)).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })
})

/** Runs `work` with the functions' NOTIFY_TEMPLATES / MINIPROGRAM_STATE changed, then puts them back. */
async function withSetting<T>(changes: { templates?: Record<string, string>; state?: string }, work: () => Promise<T>): Promise<T> {
  const saved = { templates: process.env.NOTIFY_TEMPLATES, state: process.env.MINIPROGRAM_STATE }
  if (changes.templates) process.env.NOTIFY_TEMPLATES = JSON.stringify(changes.templates)
  if (changes.state !== undefined) process.env.MINIPROGRAM_STATE = changes.state
  try {
    return await work()
  } finally {
    // Assigning undefined to process.env would store the text "undefined".
    for (const [name, value] of [['NOTIFY_TEMPLATES', saved.templates], ['MINIPROGRAM_STATE', saved.state]] as const) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  }
}
const localIds = () => JSON.parse(process.env.NOTIFY_TEMPLATES ?? '{}') as Record<string, string>

describe('notify.templates', () => {
  test('lists each kind with this deployment\'s template id from NOTIFY_TEMPLATES, and leaves out a kind without one', async () => {
    const ids: Record<string, string> = { ...localIds(), wish_update: 'prod-wish-update-id' }
    delete ids.staff_todo
    await withSetting({ templates: ids }, async () => {
      unwrap(await cloud.call('notify', 'n-any', { action: 'setKind', kind: 'member_review', on: false }))
      const { items } = unwrap(await cloud.call<{ items: Array<{ kind: string; templateId: string; title: string }> }>('notify', 'n-any', { action: 'templates' }))
      expect(items).toContainEqual({ kind: 'wish_update', templateId: 'prod-wish-update-id', title: '红心愿进度', on: true, longTerm: false })
      expect(items).toContainEqual({ kind: 'member_review', templateId: TEMPLATE, title: '入会审核结果', on: false, longTerm: false })
      expect(items.map((i) => i.kind).sort()).toEqual(Object.keys(NOTIFY_KINDS).filter((kind) => kind !== 'staff_todo').sort())
      // A grant for the configured id counts for its kind.
      const granted = await cloud.call('notify', 'n-any', { action: 'subscribed', results: { 'prod-wish-update-id': 'accept' } })
      expect(granted).toEqual({ ok: true, data: { grants: { wish_update: 1 } } })
    })
  })
})

test('notify.templates marks the long-term kinds (NOTIFY_LONG_TERM), which the app never asks for with one-time ones', async () => {
  process.env.NOTIFY_LONG_TERM = 'aed_alert'
  try {
    const { items } = unwrap(await cloud.call<{ items: Array<{ kind: string; longTerm: boolean }> }>('notify', 'n-any', { action: 'templates' }))
    expect(items.filter((i) => i.longTerm).map((i) => i.kind)).toEqual(['aed_alert'])
  } finally {
    delete process.env.NOTIFY_LONG_TERM
  }
})

describe('a deployment without a template id for a kind', () => {
  test('the message still lands in the inbox, WeChat is never sent a placeholder id, and staff are told which kind lacks one', async () => {
    await subscribe('n-unconfigured')
    const { member_review: _none, ...ids } = localIds()
    await withSetting({ templates: ids }, async () => {
      expect(await send('n-unconfigured')).toMatchObject({ sent: false })
      expect(cloud.docs('inbox').filter((m) => m.openid === 'n-unconfigured').map((m) => m.kind)).toEqual(['member_review'])
      // No attempt at all: not with the catalogue's local id, not with an empty one.
      expect(await outboxFor('n-unconfigured')).toEqual([])
      expect(cloud.docs('outbox').filter((d) => d.openid === 'n-unconfigured')).toEqual([])
      expect(grantsOf('n-unconfigured')).toEqual({ member_review: 1 })
      const report = unwrap(await cloud.call<{ missing: Array<{ kind: string; title: string }>; problems: string[] }>('notify', 'demo-staff', { action: 'setup' }))
      expect(report.missing).toEqual([{ kind: 'member_review', title: '入会审核结果' }])
      expect(report.problems).toEqual([])
    })
  })

  test('NOTIFY_TEMPLATES not set: every kind is reported; the report is for staff only', async () => {
    await withSetting({}, async () => {
      delete process.env.NOTIFY_TEMPLATES
      const report = unwrap(await cloud.call<{ missing: Array<{ kind: string }>; problems: string[] }>('notify', 'demo-staff', { action: 'setup' }))
      expect(report.missing.map((m) => m.kind)).toEqual(Object.keys(NOTIFY_KINDS))
      expect(report.problems).toEqual(['NOTIFY_TEMPLATES is not set'])
    })
    expect(await cloud.call('notify', 'demo-resident', { action: 'setup' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  test('a complete setting reports nothing missing', async () => {
    expect(unwrap(await cloud.call('notify', 'demo-staff', { action: 'setup' }))).toEqual({ missing: [], miniprogramState: 'developer', problems: [] })
  })
})

// sendMessage, miniprogram_state: "developer为开发版；trial为体验版；formal为正式版；默认为正式版"
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
describe('MINIPROGRAM_STATE: the version a message opens', () => {
  test.each(['trial', 'formal', 'developer'])('with %s set, the send carries it', async (state) => {
    const openid = `n-state-${state}`
    await subscribe(openid)
    await withSetting({ state }, async () => {
      expect((await send(openid)).sent).toBe(true)
    })
    expect(await delivered(openid)).toEqual([expect.objectContaining({ templateId: TEMPLATE, miniprogramState: state })])
  })

  test('unset, it is formal, as WeChat\'s default', async () => {
    await subscribe('n-state-unset')
    await withSetting({}, async () => {
      delete process.env.MINIPROGRAM_STATE
      expect((await send('n-state-unset')).sent).toBe(true)
    })
    expect(await delivered('n-state-unset')).toEqual([expect.objectContaining({ miniprogramState: 'formal' })])
  })

  test('a value WeChat does not know is refused (47003), the grant is kept, and staff are told', async () => {
    await subscribe('n-state-bad')
    await withSetting({ state: 'release' }, async () => {
      expect((await send('n-state-bad')).sent).toBe(false)
      const report = unwrap(await cloud.call<{ problems: string[] }>('notify', 'demo-staff', { action: 'setup' }))
      expect(report.problems).toEqual(['MINIPROGRAM_STATE is "release", not one of developer / trial / formal'])
    })
    expect(await outboxFor('n-state-bad')).toEqual([expect.objectContaining({ errCode: 47003, miniprogramState: 'release' })])
    expect(grantsOf('n-state-bad')).toEqual({ member_review: 1 })
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
    expect([first.data.items.length, second.data.items.length, first.data.hasMore, second.data.hasMore, first.data.unread]).toEqual([20, 5, true, false, 25])
    const times = [...first.data.items, ...second.data.items].map((m) => m.createdAt)
    expect(times).toEqual([...times].sort().reverse())
    expect(new Set([...first.data.items, ...second.data.items].map((m) => m._id)).size).toBe(25)
  })

  test('全部已读 marks all of the caller’s messages and nobody else’s', async () => {
    await send('n-all')
    await send('n-all')
    const other = await inbox('n-other')
    expect(unwrap(await cloud.call('notify', 'n-all', { action: 'markAllRead' }))).toEqual({ updated: 2 })
    expect(unwrap(await inbox('n-all')).unread).toBe(0)
    expect(unwrap(await inbox('n-other')).unread).toBe(unwrap(other).unread)
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

  test('the unread count alone, for the tab badge, is the caller\'s own', async () => {
    expect(await cloud.call('notify', 'n-many', { action: 'unread' })).toEqual({ ok: true, data: { unread: 22 } })
    expect(await cloud.call('notify', 'n-other', { action: 'unread' })).toEqual({ ok: true, data: { unread: 1 } })
  })
})
