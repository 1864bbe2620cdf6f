import { todayInChina } from '@/domain/dates'
import { ownedId } from '../_kit/ids'
import { uploadFolderOf } from '../_kit/uploads'
import type { Page } from '@/domain/contract'
import type { WishDetail, WishSummary } from '@/domain/wish/contract'
import { wxServerSdk } from '../../localcloud/backend/install'
import { startTestCloud, unwrap, type TestCloud } from '../../localcloud/testing'
import { NINE_IN_CHINA } from '../../localcloud/jobs-testing'
import type { WishDoc } from './wishes'

let cloud: TestCloud
const VOLUNTEERS = Array.from({ length: 50 }, (_unused, i) => `wv-${i}`)

beforeAll(async () => {
  cloud = await startTestCloud()
  const now = new Date()
  cloud.store.insert('users', [
    ...VOLUNTEERS.map((id, i) => ({ _id: id, displayName: `志愿者${i}`, roles: ['volunteer'], homeCommunityId: 'dadu', staffCommunityIds: [], createdAt: now })),
    { _id: 'staff-gy', displayName: '港越工作人员', roles: ['staff'], homeCommunityId: 'gangyue', staffCommunityIds: ['gangyue'], createdAt: now },
  ])
  cloud.store.insert('volunteers', VOLUNTEERS.map((openid) => ({ _id: ownedId('vo', openid), openid, status: 'active', name: openid, phone: '13800000000', communityId: 'dadu', skills: ['维修'], availability: [], intro: '', hours: 0, points: 0, rejectReason: null, registeredAt: now })))
})
afterAll(() => cloud.stop())

const PHONE = '13957500088'
const wish = (openid: string, action: string, fields: Record<string, unknown> = {}) => cloud.call<WishDetail>('wish', openid, { action, ...fields })
const create = (openid: string, overrides: Record<string, unknown> = {}) =>
  wish(openid, 'create', { title: '帮忙换楼道灯泡', content: '3幢2单元楼道的灯坏了一个星期，晚上下楼很不方便，希望有人帮忙换一下。', category: '生活帮扶', communityId: 'dadu', contactPhone: PHONE, ...overrides })
const wishDoc = (id: string) => cloud.store.find('wishes', { _id: id })[0] as unknown as WishDoc
const inboxOf = (openid: string) => cloud.docs('inbox').filter((m) => m.openid === openid)

describe('create', () => {
  test('clean text goes on the wall at once', async () => {
    const created = unwrap(await create('wo-owner'))
    expect(created).toMatchObject({ status: 'open', relation: 'owner', contact: { phone: PHONE } })
    expect(created.history.map((h) => h.action)).toEqual(['create'])
  })

  test('text the check is unsure of waits for staff, who see why (the label of msgSecCheck v2: 10001 广告)', async () => {
    const held = unwrap(await create('wo-review', { content: '有个高额回报的机会想和邻居们分享一下，欢迎来问。' }))
    expect(held.status).toBe('pending_review')
    expect(held.history[0]).toMatchObject({ action: 'create', to: 'pending_review', note: '内容安全检查提示可能涉及广告，需要人工查看' })
  })

  test('risky text is refused and nothing is stored', async () => {
    const before = JSON.stringify([cloud.docs('wishes'), cloud.docs('counters')])
    expect(await create('wo-risky', { content: '楼下有人组织赌博，想找人一起去看看热闹。' })).toMatchObject({ ok: false, code: 'CONTENT_REJECTED' })
    expect(JSON.stringify([cloud.docs('wishes'), cloud.docs('counters')])).toBe(before)
  })

  test.each([
    ['title too short', { title: '灯' }, 'title'],
    ['unknown category', { category: '理财' }, 'category'],
    ['bad phone', { contactPhone: '12345' }, 'contactPhone'],
    ['too many images', { images: ['cloud://a/1', 'cloud://a/2', 'cloud://a/3', 'cloud://a/4'] }, 'images'],
    ['past date', { dueDate: '2020-01-01' }, 'dueDate'],
  ])('%s → INVALID_INPUT on %s, nothing stored', async (_label, overrides, field) => {
    const before = cloud.docs('wishes').length
    const result = await create('wo-invalid', overrides)
    expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(!result.ok && result.fields).toHaveProperty(field)
    expect(cloud.docs('wishes')).toHaveLength(before)
  })

  test('at most 5 new wishes per person per day, even when sent at once', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => create('wo-busy')))
    expect(results.filter((r) => r.ok)).toHaveLength(5)
    expect(results.filter((r) => !r.ok && r.code === 'RATE_LIMITED')).toHaveLength(15)
    expect(cloud.docs('wishes').filter((w) => w.ownerOpenid === 'wo-busy')).toHaveLength(5)
  })
})

describe('the claim', () => {
  let wishId: string
  beforeAll(async () => {
    wishId = unwrap(await create('wo-claim', { title: '陪我去医院复查' , category: '就医陪护' }))._id
  })

  test('nobody but owner, claimer and staff sees the phone number', async () => {
    const listed = unwrap(await cloud.call<Page<WishSummary>>('wish', 'demo-resident', { action: 'list', communityId: 'dadu' }))
    expect(JSON.stringify(listed)).not.toContain(PHONE)
    for (const openid of ['demo-resident', 'wv-1', 'demo-member', 'staff-gy']) {
      const seen = unwrap(await wish(openid, 'get', { wishId }))
      expect(seen.contact).toBeNull()
      expect(JSON.stringify(seen)).not.toContain(PHONE)
    }
    expect(unwrap(await wish('demo-staff', 'get', { wishId })).contact).toEqual({ name: expect.any(String), phone: PHONE })
  })

  test('a resident who is not a volunteer, or the owner, may not claim', async () => {
    expect(await wish('demo-resident', 'claim', { wishId })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    cloud.store.update('users', { _id: 'wo-claim' }, { $set: { roles: ['volunteer'] } })
    expect(await wish('wo-claim', 'claim', { wishId })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(wishDoc(wishId).status).toBe('open')
  })

  test('50 volunteers claim at once: exactly one wins, the history shows one claim', async () => {
    const results = await Promise.all(VOLUNTEERS.map((openid) => wish(openid, 'claim', { wishId })))
    const winners = results.filter((r) => r.ok)
    expect(winners).toHaveLength(1)
    expect(results.filter((r) => !r.ok && r.code === 'CONFLICT' && r.message === '这个心愿已被认领')).toHaveLength(49)
    const doc = wishDoc(wishId)
    expect(doc.status).toBe('claimed')
    expect(doc.history.filter((h) => h.action === 'claim')).toHaveLength(1)
    const winner = unwrap(winners[0])
    expect(winner.contact?.phone).toBe(PHONE)
    expect(winner.relation).toBe('claimer')
    expect(inboxOf('wo-claim').map((m) => m.body)).toContainEqual(expect.stringContaining('志愿者认领'))
    const loser = VOLUNTEERS.find((v) => v !== doc.claimerOpenid) as string
    const seenByLoser = unwrap(await wish(loser, 'get', { wishId }))
    expect(seenByLoser).toMatchObject({ status: 'claimed', contact: null, actions: [] })
    // Names of the people involved are masked for everyone else, in the history too.
    expect(seenByLoser.history.map((h) => h.by)).toEqual([expect.stringMatching(/^.\*+$/), expect.stringMatching(/^.\*+$/)])
  })

  // 民政部令第67号 2020 (谁记录谁证明, 真实、准确): the reported time, confirmed by the owner, credited when staff approve.
  test('the claimer fulfils with the time spent; the owner confirms; staff approve and only then the hours are credited', async () => {
    const claimer = wishDoc(wishId).claimerOpenid as string
    expect(await wish('demo-resident', 'fulfil', { wishId, note: '已陪同', minutes: 60 })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await wish(claimer, 'fulfil', { wishId, note: '已陪同复查，取好药送到家。' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await wish(claimer, 'fulfil', { wishId, note: '已陪同复查，取好药送到家。', minutes: 20 })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(unwrap(await wish(claimer, 'fulfil', { wishId, note: '已陪同复查，取好药送到家。', minutes: 100 })).status).toBe('fulfilled')
    expect(await wish(claimer, 'confirm', { wishId })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const done = unwrap(await wish('wo-claim', 'confirm', { wishId, thanks: '谢谢小伙子，辛苦了！' }))
    expect(done).toMatchObject({ status: 'completed', thanks: '谢谢小伙子，辛苦了！', serviceHours: { hours: 1.5, status: 'pending' } })
    expect(done.history.map((h) => h.action)).toEqual(['create', 'claim', 'fulfil', 'confirm'])
    // The owner's confirmation completes the wish, not the hours.
    expect(cloud.store.find('volunteers', { openid: claimer })[0]).toMatchObject({ hours: 0, points: 0 })
    expect(cloud.docs('hoursLedger').filter((e) => e.openid === claimer)).toEqual([])
    expect(inboxOf(claimer).map((m) => m.body)).toContainEqual(expect.stringContaining('谢谢小伙子'))
    expect(await wish('wo-claim', 'cancel', { wishId, reason: '不需要了' })).toMatchObject({ ok: false, code: 'CONFLICT' })

    // In the staff queue of the wish's community only; the volunteer and other communities' staff cannot approve.
    const queue = unwrap(await cloud.call<Page<WishDetail>>('wish', 'demo-staff', { action: 'hoursQueue' }))
    expect(queue.items.map((w) => w._id)).toContain(wishId)
    expect(unwrap(await cloud.call<Page<WishDetail>>('wish', 'staff-gy', { action: 'hoursQueue' })).items.map((w) => w._id)).not.toContain(wishId)
    expect(await wish(claimer, 'approveHours', { wishId, decision: 'approve' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await wish('staff-gy', 'approveHours', { wishId, decision: 'approve' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })

    const approvals = await Promise.all([1, 2, 3].map(() => wish('demo-staff', 'approveHours', { wishId, decision: 'approve' })))
    expect(approvals.every((r) => r.ok)).toBe(true)
    expect(unwrap(approvals[0]).serviceHours).toMatchObject({ hours: 1.5, status: 'approved' })
    expect(cloud.store.find('volunteers', { openid: claimer })[0]).toMatchObject({ hours: 1.5, points: 15 })
    // One record of service: the days served, the place, what was done, who recorded it.
    expect(cloud.docs('hoursLedger').filter((e) => e.openid === claimer)).toEqual([
      expect.objectContaining({ _id: `wish:${wishId}`, source: 'wish', sourceId: wishId, hours: 1.5, points: 15, creditedBy: 'demo-staff', creditedByName: '张敏', place: '大渡社区', content: expect.stringContaining('已陪同复查'), serviceDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }),
    ])
    expect(unwrap(await cloud.call<Page<WishDetail>>('wish', 'demo-staff', { action: 'hoursQueue' })).items.map((w) => w._id)).not.toContain(wishId)
    // "+1.5 小时": the volunteer is told how many hours and for what, once for the three approvals.
    expect(inboxOf(claimer).filter((m) => m.kind === 'hours_credited').map((m) => m.body)).toEqual([expect.stringContaining('记入志愿服务时长1.5小时')])
  })

  test('an approval cut off after the wish was marked but before the hours were credited is finished by a retry', async () => {
    cloud.store.insert('users', [{ _id: 'wv-cut', displayName: '志愿者', roles: ['volunteer'], homeCommunityId: 'dadu', staffCommunityIds: [], createdAt: new Date() }])
    cloud.store.insert('volunteers', [{ _id: ownedId('vo', 'wv-cut'), openid: 'wv-cut', status: 'active', name: '周小勇', communityId: 'dadu', hours: 0, points: 0, registeredAt: new Date() }])
    const id = unwrap(await create('wo-cut'))._id
    unwrap(await wish('wv-cut', 'claim', { wishId: id }))
    unwrap(await wish('wv-cut', 'fulfil', { wishId: id, note: '已完成', minutes: 60 }))
    unwrap(await wish('wo-cut', 'confirm', { wishId: id }))
    // The state the first step leaves behind when the function stops before the credit.
    cloud.store.update('wishes', { _id: id }, { $set: { hoursStatus: 'approved', hoursReviewedBy: 'demo-staff' } })
    expect(cloud.store.find('volunteers', { openid: 'wv-cut' })[0]).toMatchObject({ hours: 0 })
    const retried = await Promise.all([1, 2, 3].map(() => wish('demo-staff', 'approveHours', { wishId: id, decision: 'approve' })))
    expect(retried.map((r) => r.ok)).toEqual([true, true, true])
    expect(cloud.store.find('volunteers', { openid: 'wv-cut' })[0]).toMatchObject({ hours: 1, points: 10 })
    expect(cloud.docs('hoursLedger').filter((e) => e.openid === 'wv-cut')).toHaveLength(1)
    const board = unwrap(await cloud.call<{ items: Array<{ displayName: string; hours: number }> }>('volunteer', 'demo-resident', { action: 'honourBoard', communityId: 'dadu', period: 'month' }))
    expect(board.items).toContainEqual(expect.objectContaining({ displayName: '周**', hours: 1 }))
    // Declining after approving is refused: the record stands.
    expect(await wish('demo-staff', 'approveHours', { wishId: id, decision: 'reject', reason: '没有核实' })).toMatchObject({ ok: false, code: 'CONFLICT' })
  })

  // The attack of the domain review: a fresh volunteer and four fresh "owners" run claim → fulfil →
  // confirm on 20 made-up wishes. Without staff approval nothing is credited (谁记录谁证明, 民政部令第67号 2020).
  test('the minting script (fresh owners, made-up wishes) ends with 0 hours until staff approve', async () => {
    const minter = 'wv-minter'
    cloud.store.insert('users', [{ _id: minter, displayName: '新志愿者', roles: ['volunteer'], homeCommunityId: 'dadu', staffCommunityIds: [], createdAt: new Date() }])
    cloud.store.insert('volunteers', [{ _id: ownedId('vo', minter), openid: minter, status: 'active', name: '刷时长', phone: '13800000000', communityId: 'dadu', skills: ['维修'], availability: [], intro: '', hours: 0, points: 0, rejectReason: null, registeredAt: new Date() }])
    const owners = ['wo-fake-1', 'wo-fake-2', 'wo-fake-3', 'wo-fake-4']
    for (let i = 0; i < 20; i++) {
      const owner = owners[i % owners.length]
      const id = unwrap(await create(owner, { title: `帮忙换楼道灯泡${i}` }))._id
      unwrap(await wish(minter, 'claim', { wishId: id }))
      unwrap(await wish(minter, 'fulfil', { wishId: id, note: '已经换好了', minutes: 480 }))
      unwrap(await wish(owner, 'confirm', { wishId: id }))
    }
    expect(cloud.store.find('volunteers', { openid: minter })[0]).toMatchObject({ hours: 0, points: 0 })
    expect(cloud.docs('hoursLedger').filter((e) => e.openid === minter)).toEqual([])
    const board = unwrap(await cloud.call<{ items: Array<{ displayName: string }> }>('volunteer', 'demo-resident', { action: 'honourBoard', communityId: 'dadu', period: 'month' }))
    expect(board.items.map((r) => r.displayName)).not.toContain('刷**')
    expect(await cloud.call('volunteer', minter, { action: 'requestCertificate', from: '2020-01-01', to: todayInChina(), idType: 'resident_id', idNumber: '11010519491231002X' })).toMatchObject({ ok: false, code: 'CONFLICT' })
  }, 60_000)
})

// 《中国红十字志愿服务管理办法》: volunteers serve through the organisation
// that registered them; a community that reviews its volunteers reviews outsiders too.
describe('community vetting', () => {
  test('a 玉兰-registered volunteer cannot claim in 港越 until 港越 staff approve them there; pending outsiders are in the same queue', async () => {
    cloud.store.insert('users', [{ _id: 'wv-yulan', displayName: '钱晓梅', roles: ['volunteer'], homeCommunityId: 'yulan', staffCommunityIds: [], createdAt: new Date() }])
    cloud.store.insert('volunteers', [{ _id: ownedId('vo', 'wv-yulan'), openid: 'wv-yulan', status: 'active', name: '钱晓梅', phone: '13800000009', communityId: 'yulan', skills: ['维修'], availability: [], intro: '', hours: 0, points: 0, rejectReason: null, registeredAt: new Date() }])
    const id = unwrap(await create('wo-gangyue', { communityId: 'gangyue' }))._id
    const refused = await wish('wv-yulan', 'claim', { wishId: id })
    expect(refused).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(!refused.ok && refused.message).toContain('港越社区')
    expect(wishDoc(id).status).toBe('open')

    const volunteer = <T>(openid: string, action: string, fields: Record<string, unknown> = {}) => cloud.call<T>('volunteer', openid, { action, ...fields })
    expect(unwrap(await volunteer<{ pendingIn: string[] }>('wv-yulan', 'join', { communityId: 'gangyue' })).pendingIn).toEqual(['gangyue'])
    expect(await wish('wv-yulan', 'claim', { wishId: id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const queue = unwrap(await volunteer<Page<{ _id: string; name: string; pendingIn: string[] }>>('staff-gy', 'list', { status: 'pending' }))
    expect(queue.items).toContainEqual(expect.objectContaining({ name: '钱晓梅', pendingIn: ['gangyue'] }))
    // Staff of 玉兰 only (not of 港越) cannot decide for 港越.
    cloud.store.insert('users', [{ _id: 'staff-yl', displayName: '玉兰工作人员', roles: ['staff'], homeCommunityId: 'yulan', staffCommunityIds: ['yulan'], createdAt: new Date() }])
    expect(await volunteer('staff-yl', 'review', { volunteerId: ownedId('vo', 'wv-yulan'), communityId: 'gangyue', decision: 'approve' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(unwrap(await volunteer<{ activeIn: string[]; pendingIn: string[] }>('staff-gy', 'review', { volunteerId: ownedId('vo', 'wv-yulan'), communityId: 'gangyue', decision: 'approve' }))).toMatchObject({ activeIn: ['gangyue'], pendingIn: [] })
    expect(unwrap(await wish('wv-yulan', 'claim', { wishId: id })).status).toBe('claimed')
  })

  test('communities that take volunteers at once let others act there; someone not registered cannot claim at all', async () => {
    const id = unwrap(await create('wo-yulan', { communityId: 'yulan' }))._id
    cloud.store.insert('users', [{ _id: 'wv-unregistered', displayName: '路人', roles: ['volunteer'], homeCommunityId: 'dadu', staffCommunityIds: [], createdAt: new Date() }])
    expect(await wish('wv-unregistered', 'claim', { wishId: id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(unwrap(await wish('wv-40', 'claim', { wishId: id })).status).toBe('claimed')
  })
})

// PIPL 2021 第六条 (最小必要): claiming reveals the owner's name and phone, so only to who is about to help.
describe('contact on a need-to-know basis', () => {
  test('at most 3 wishes claimed at once: of 4 concurrent claims exactly 3 win; fulfilling one frees a place', async () => {
    const ids: string[] = []
    for (let i = 0; i < 5; i++) ids.push(unwrap(await create(`wo-many-${i}`))._id)
    const results = await Promise.all(ids.slice(0, 4).map((wishId) => wish('wv-45', 'claim', { wishId })))
    expect(results.filter((r) => r.ok)).toHaveLength(3)
    expect(results.filter((r) => !r.ok)).toEqual([expect.objectContaining({ ok: false, code: 'RATE_LIMITED' })])
    const lost = ids[results.findIndex((r) => !r.ok)]
    expect(wishDoc(lost)).toMatchObject({ status: 'open', claimerOpenid: null })
    const won = ids.slice(0, 4).filter((_id, i) => results[i].ok)
    unwrap(await wish('wv-45', 'fulfil', { wishId: won[0], note: '已经完成了', minutes: 60 }))
    expect(unwrap(await wish('wv-45', 'claim', { wishId: ids[4] })).status).toBe('claimed')
  })

  test('50 claim/release cycles: releases limited per day, one history entry per cycle pair, one message to the owner; staff see the releases', async () => {
    const id = unwrap(await create('wo-cycles'))._id
    const inboxBefore = inboxOf('wo-cycles').length
    let released = 0
    for (let i = 0; i < 50; i++) {
      unwrap(await wish('wv-46', 'claim', { wishId: id }))
      const given = await wish('wv-46', 'release', { wishId: id })
      if (!given.ok) {
        expect(given).toMatchObject({ code: 'RATE_LIMITED' })
        break
      }
      released++
    }
    expect(released).toBe(3)
    expect(wishDoc(id).history.map((h) => h.action)).toEqual(['create', 'claim', 'release'])
    expect(inboxOf('wo-cycles').length - inboxBefore).toBe(1)
    const staffView = unwrap(await wish('demo-staff', 'get', { wishId: id }))
    expect(staffView.contactReleases).toEqual([expect.objectContaining({ name: '志愿者46', count: 3 })])
    expect(unwrap(await wish('wo-cycles', 'get', { wishId: id })).contactReleases).toBeNull()
  })
})

describe('release, cancel, review, take-down', () => {
  test('the claimer releases: open again, owner told', async () => {
    const id = unwrap(await create('wo-release'))._id
    unwrap(await wish('wv-2', 'claim', { wishId: id }))
    const released = unwrap(await wish('wv-2', 'release', { wishId: id, reason: '临时有事' }))
    expect(released).toMatchObject({ status: 'open', claimerName: null })
    expect(inboxOf('wo-release').map((m) => m.body)).toContainEqual(expect.stringContaining('放弃认领'))
    expect(unwrap(await wish('wv-3', 'claim', { wishId: id })).status).toBe('claimed')
  })

  test('only the owner cancels, with a reason; the claimer is told', async () => {
    const id = unwrap(await create('wo-cancel'))._id
    unwrap(await wish('wv-4', 'claim', { wishId: id }))
    expect(await wish('wv-4', 'cancel', { wishId: id, reason: '不想做了' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await wish('wo-cancel', 'cancel', { wishId: id })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(unwrap(await wish('wo-cancel', 'cancel', { wishId: id, reason: '家里人已经修好了' })).status).toBe('cancelled')
    expect(inboxOf('wv-4').map((m) => m.body)).toContainEqual(expect.stringContaining('家里人已经修好了'))
  })

  test('staff of the community review flagged wishes; others may not', async () => {
    const id = unwrap(await create('wo-flagged', { content: '想请人帮忙转账给老家的亲戚，我不会用手机。' }))._id
    expect(await wish('staff-gy', 'review', { wishId: id, decision: 'approve' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await wish('demo-volunteer', 'review', { wishId: id, decision: 'approve' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const queue = unwrap(await cloud.call<Page<WishDetail>>('wish', 'demo-staff', { action: 'reviewQueue' }))
    expect(queue.items.map((w) => w._id)).toContain(id)
    // Narrowed to one of the staff member's communities: the wish is in 大渡's queue only.
    const queueOf = async (communityId: string) => unwrap(await cloud.call<Page<WishDetail>>('wish', 'demo-staff', { action: 'reviewQueue', communityId })).items
    expect((await queueOf('dadu')).map((w) => w._id)).toContain(id)
    expect((await queueOf('dadu')).every((w) => w.communityId === 'dadu')).toBe(true)
    expect((await queueOf('gangyue')).map((w) => w._id)).not.toContain(id)
    expect(await wish('staff-gy', 'reviewQueue', { communityId: 'dadu' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await wish('demo-resident', 'get', { wishId: id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(unwrap(await wish('demo-staff', 'review', { wishId: id, decision: 'approve' })).status).toBe('open')
    expect(await wish('demo-staff', 'review', { wishId: id, decision: 'approve' })).toMatchObject({ ok: false, code: 'CONFLICT' })
  })

  test('staff take an open wish down with a reason', async () => {
    const id = unwrap(await create('wo-takedown'))._id
    expect(await wish('wv-5', 'takeDown', { wishId: id, reason: '重复发布' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(unwrap(await wish('demo-staff', 'takeDown', { wishId: id, reason: '重复发布' })).status).toBe('removed')
  })
})

describe('the wall and personal lists', () => {
  test('open wishes first, only public statuses, filters by category', async () => {
    const all = unwrap(await cloud.call<Page<WishSummary>>('wish', 'demo-resident', { action: 'list', communityId: 'dadu', pageSize: 50 }))
    const ranks = all.items.map((w) => ['open', 'claimed', 'fulfilled', 'completed'].indexOf(w.status))
    expect(ranks.every((r) => r >= 0)).toBe(true)
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
    const care = unwrap(await cloud.call<Page<WishSummary>>('wish', 'demo-resident', { action: 'list', category: '就医陪护' }))
    expect(care.items.every((w) => w.category === '就医陪护')).toBe(true)
    expect(care.items.length).toBeGreaterThan(0)
  })

  test('mine and claimed', async () => {
    const mine = unwrap(await cloud.call<Page<WishSummary>>('wish', 'wo-busy', { action: 'mine' }))
    expect(mine.items).toHaveLength(5)
    const claimed = unwrap(await cloud.call<Page<WishSummary>>('wish', 'wv-3', { action: 'claimed' }))
    // wv-3 may also have won the 50-way claim race above: whatever they hold, and nothing else.
    const held = cloud.store.find('wishes', { claimerOpenid: 'wv-3', status: { $in: ['claimed', 'fulfilled', 'completed'] } }, { sort: { createdAt: -1 } })
    expect(claimed.items.map((w) => w._id)).toEqual(held.map((w) => w._id))
    expect(claimed.items.map((w) => w.status)).toContain('claimed')
    expect(await cloud.call('wish', 'demo-resident', { action: 'claimed' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('the deadline', () => {
  test('a claim past its deadline is released by the scheduler and both sides are told', async () => {
    const id = unwrap(await create('wo-late'))._id
    unwrap(await wish('wv-6', 'claim', { wishId: id }))
    cloud.store.update('wishes', { _id: id }, { $set: { claimDeadline: new Date(Date.now() - 60_000) } })

    expect(await cloud.call('scheduler', 'wv-6', {})).toEqual({ ok: false })
    expect(wishDoc(id).status).toBe('claimed')

    const result = await cloud.functions.invoke('scheduler', { Type: 'Timer', Time: NINE_IN_CHINA }, '')
    expect(result).toMatchObject({ ok: true, jobs: { wish: { done: 1 } } })
    expect(wishDoc(id)).toMatchObject({ status: 'open', claimerOpenid: null })
    expect(inboxOf('wo-late').map((m) => m.body)).toContainEqual(expect.stringContaining('认领超时'))
    expect(inboxOf('wv-6').map((m) => m.body)).toContainEqual(expect.stringContaining('认领超时'))
  })
})

describe('photos', () => {
  test('stay hidden until the check passes; a failing one stays hidden', async () => {
    const sdk = wxServerSdk() as { uploadFile(p: object): Promise<{ fileID: string }> }
    const ok = await sdk.uploadFile({ cloudPath: `${uploadFolderOf('wo-photos')}/wishes/lamp.jpg`, fileContent: Buffer.from('jpeg') })
    const bad = await sdk.uploadFile({ cloudPath: `${uploadFolderOf('wo-photos')}/wishes/risky.jpg`, fileContent: Buffer.from('jpeg') })
    const created = unwrap(await create('wo-photos', { images: [ok.fileID, bad.fileID] }))
    expect(created.images).toEqual([])
    // The verdicts arrive by message push, after the create answered: wait for both.
    for (let waited = 0; wishDoc(created._id).images.some((image) => image.status === 'checking') && waited < 3000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    const later = unwrap(await wish('wo-photos', 'get', { wishId: created._id }))
    expect(later.images).toHaveLength(1)
    expect(later.images[0]).toMatch(/\/wishes\/lamp\.jpg\?sign=\w+&t=\d+$/)
    expect(later.imagesPending).toBe(0)
    // A replayed or forged "pass" for the photo that was turned down changes nothing.
    const rejected = wishDoc(created._id).images.find((image) => image.status === 'rejected')!
    const push = { MsgType: 'event', Event: 'wxa_media_check', trace_id: rejected.traceId, version: 2, result: { suggest: 'pass', label: 100 } }
    expect(await cloud.functions.invoke('mediaCheck', push, '')).toEqual({ ok: true, updated: 0 })
    expect(await cloud.functions.invoke('mediaCheck', { ...push, trace_id: { $ne: null } }, '')).toEqual({ ok: false })
    expect(unwrap(await wish('wo-photos', 'get', { wishId: created._id })).images).toHaveLength(1)
  })
})

describe('every text others read is content-checked', () => {
  // Each public text of a wish step, written with a spacing trick; refused, and nothing changes.
  const RISKY = '欢迎来赌\u200b博'
  const ready = async (owner: string, volunteer: string, until: 'open' | 'claimed' | 'fulfilled') => {
    const id = unwrap(await create(owner))._id
    if (until !== 'open') unwrap(await wish(volunteer, 'claim', { wishId: id }))
    if (until === 'fulfilled') unwrap(await wish(volunteer, 'fulfil', { wishId: id, note: '已经完成了', minutes: 60 }))
    return id
  }
  test.each([
    ['fulfilment note', 'claimed', 'claimer', 'fulfil', { note: RISKY, minutes: 60 }],
    ['thanks', 'fulfilled', 'owner', 'confirm', { thanks: RISKY }],
    ['release reason', 'claimed', 'claimer', 'release', { reason: RISKY }],
    ['cancel reason', 'open', 'owner', 'cancel', { reason: RISKY }],
    ['take-down reason (staff)', 'open', 'staff', 'takeDown', { reason: RISKY }],
  ] as const)('%s', async (_name, until, who, action, fields) => {
    const owner = `wo-check-${action}`
    const volunteer = 'wv-8'
    const wishId = await ready(owner, volunteer, until)
    const before = JSON.stringify(wishDoc(wishId))
    const caller = who === 'owner' ? owner : who === 'claimer' ? volunteer : 'demo-staff'
    expect(await wish(caller, action, { wishId, ...fields })).toMatchObject({ ok: false, code: 'CONTENT_REJECTED' })
    expect(JSON.stringify(wishDoc(wishId))).toBe(before)
  })
})

test('staff may not review or take down their own wish', async () => {
  const own = unwrap(await create('demo-staff'))
  expect(await wish('demo-staff', 'takeDown', { wishId: own._id, reason: '自己下架' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(wishDoc(own._id).status).toBe('open')
})

describe('photos belong to whoever uploaded them', () => {
  const upload = (openid: string, name: string) =>
    (wxServerSdk() as { uploadFile(p: object): Promise<{ fileID: string }> }).uploadFile({ cloudPath: `${uploadFolderOf(openid)}/wishes/${name}`, fileContent: Buffer.from('jpeg') })

  test("someone else's photo cannot be attached to a wish or a fulfilment", async () => {
    const theirs = await upload('wo-other', 'theirs.jpg')
    const before = cloud.docs('wishes').length
    expect(await create('wo-thief', { images: [theirs.fileID] })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(cloud.docs('wishes')).toHaveLength(before)
    const id = unwrap(await create('wo-fulfilled'))._id
    unwrap(await wish('wv-9', 'claim', { wishId: id }))
    expect(await wish('wv-9', 'fulfil', { wishId: id, note: '已经换好了', minutes: 60, photos: [theirs.fileID] })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(wishDoc(id).status).toBe('claimed')
  })

  test('fulfilment photos stay hidden until their check passes', async () => {
    const id = unwrap(await create('wo-proof'))._id
    unwrap(await wish('wv-10', 'claim', { wishId: id }))
    const good = await upload('wv-10', 'done.jpg')
    const risky = await upload('wv-10', 'risky-done.jpg')
    const fulfilled = unwrap(await wish('wv-10', 'fulfil', { wishId: id, note: '已经换好了', minutes: 60, photos: [good.fileID, risky.fileID] }))
    expect(fulfilled.fulfilment?.photos).toEqual([])
    for (let waited = 0; wishDoc(id).fulfilment?.photos.some((p) => p.status === 'checking') && waited < 3000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    const seen = unwrap(await wish('wo-proof', 'get', { wishId: id }))
    expect(seen.fulfilment?.photos).toEqual([expect.stringMatching(/\/wishes\/done\.jpg\?sign=\w+&t=\d+$/)])
  })
})

describe('the owner and the volunteer', () => {
  const claimedBy = async (owner: string, volunteer: string) => {
    const id = unwrap(await create(owner))._id
    unwrap(await wish(volunteer, 'claim', { wishId: id }))
    return id
  }

  test('the owner sees who took the wish on and their phone while it is being done, nobody else does', async () => {
    const id = await claimedBy('wo-call', 'wv-20')
    const asOwner = unwrap(await wish('wo-call', 'get', { wishId: id }))
    expect(asOwner).toMatchObject({ claimerName: '志愿者20', claimerPhone: '13800000000', ownerName: asOwner.contact?.name })
    expect(unwrap(await wish('wv-21', 'get', { wishId: id }))).toMatchObject({ claimerName: '志**', claimerPhone: null })
    expect(unwrap(await wish('demo-staff', 'get', { wishId: id })).claimerPhone).toBeNull()
    unwrap(await wish('wv-20', 'fulfil', { wishId: id, note: '灯泡已经换好了', minutes: 60 }))
    expect(unwrap(await wish('wo-call', 'get', { wishId: id })).claimerPhone).toBe('13800000000')
    unwrap(await wish('wo-call', 'confirm', { wishId: id }))
    expect(unwrap(await wish('wo-call', 'get', { wishId: id })).claimerPhone).toBeNull()
  })

  test('未完成 sends a fulfilled wish back to its volunteer with the note; only the owner may, and a retry changes nothing more', async () => {
    const id = await claimedBy('wo-reopen', 'wv-22')
    unwrap(await wish('wv-22', 'fulfil', { wishId: id, note: '灯泡已经换好了', minutes: 60 }))
    expect(await wish('wv-22', 'reopen', { wishId: id, note: '灯还是不亮' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await wish('wv-23', 'reopen', { wishId: id, note: '灯还是不亮' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await wish('wo-reopen', 'reopen', { wishId: id })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await wish('wo-reopen', 'reopen', { wishId: id, note: '你们这是赌博吧' })).toMatchObject({ ok: false, code: 'CONTENT_REJECTED' })
    expect(wishDoc(id).status).toBe('fulfilled')

    const [first, again] = await Promise.all([wish('wo-reopen', 'reopen', { wishId: id, note: '灯还是不亮' }), wish('wo-reopen', 'reopen', { wishId: id, note: '灯还是不亮' })])
    expect([first, again].filter((r) => r.ok).length).toBeGreaterThanOrEqual(1)
    expect(unwrap(await wish('wo-reopen', 'reopen', { wishId: id, note: '灯还是不亮' }))).toMatchObject({ status: 'claimed', claimerName: '志愿者22', fulfilment: null })
    const stored = wishDoc(id)
    expect(stored).toMatchObject({ status: 'claimed', claimerOpenid: 'wv-22' })
    expect(stored.history.filter((h) => h.action === 'reopen')).toHaveLength(1)
    expect((stored.claimDeadline as Date).getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 3600 * 1000)
    expect(inboxOf('wv-22').map((m) => m.body)).toContainEqual(expect.stringContaining('灯还是不亮'))
    // The same volunteer finishes it, and the owner can confirm this time.
    unwrap(await wish('wv-22', 'fulfil', { wishId: id, note: '换了整个灯座，现在亮了', minutes: 60 }))
    expect(unwrap(await wish('wo-reopen', 'confirm', { wishId: id })).status).toBe('completed')
  })

  test('the owner edits an open wish; text the check flags goes back to review; risky text changes nothing', async () => {
    const id = unwrap(await create('wo-edit'))._id
    const change = { wishId: id, title: '帮忙换两个楼道灯泡', content: '3幢2单元楼道有两个灯坏了，晚上下楼很不方便，希望有人帮忙换一下。', category: '生活帮扶', contactPhone: PHONE }
    expect(await wish('wv-24', 'edit', change)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await wish('demo-staff', 'edit', change)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await wish('wo-edit', 'edit', { ...change, title: '灯' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    const before = JSON.stringify(wishDoc(id))
    expect(await wish('wo-edit', 'edit', { ...change, content: '楼下有人组织赌博，想找人一起去看看热闹。' })).toMatchObject({ ok: false, code: 'CONTENT_REJECTED' })
    expect(JSON.stringify(wishDoc(id))).toBe(before)

    expect(unwrap(await wish('wo-edit', 'edit', change))).toMatchObject({ status: 'open', title: '帮忙换两个楼道灯泡', editable: true })
    const flagged = unwrap(await wish('wo-edit', 'edit', { ...change, content: '想请人帮忙转账给老家的亲戚，我不会用手机。' }))
    expect(flagged.status).toBe('pending_review')
    const wall = unwrap(await cloud.call<Page<WishSummary>>('wish', 'demo-resident', { action: 'list', communityId: 'dadu', pageSize: 50 }))
    expect(wall.items.map((w) => w._id)).not.toContain(id)
    expect(unwrap(await cloud.call<Page<WishDetail>>('wish', 'demo-staff', { action: 'reviewQueue' })).items.map((w) => w._id)).toContain(id)
  })

  test('a wish taken on can no longer be edited', async () => {
    const id = await claimedBy('wo-late-edit', 'wv-25')
    expect(unwrap(await wish('wo-late-edit', 'get', { wishId: id })).editable).toBe(false)
    const result = await wish('wo-late-edit', 'edit', { wishId: id, title: '改一下标题试试', content: '3幢2单元楼道的灯坏了一个星期，晚上下楼很不方便。', category: '生活帮扶', contactPhone: PHONE })
    expect(result).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(wishDoc(id).title).toBe('帮忙换楼道灯泡')
  })

  test('the wall\'s 进行中 shows claimed wishes and those waiting for their owner', async () => {
    const id = await claimedBy('wo-progress', 'wv-26')
    unwrap(await wish('wv-26', 'fulfil', { wishId: id, note: '灯泡已经换好了', minutes: 60 }))
    const inProgress = unwrap(await cloud.call<Page<WishSummary>>('wish', 'demo-resident', { action: 'list', status: 'in_progress', pageSize: 50 }))
    expect(inProgress.items.map((w) => w._id)).toContain(id)
    expect(new Set(inProgress.items.map((w) => w.status))).toEqual(new Set(['claimed', 'fulfilled']))
  })
})

describe('search on the wall', () => {
  test('finds wishes by words in the title or text, with the other filters, and takes input literally', async () => {
    const radio = unwrap(await create('wo-search', { title: '想借一台收音机听越剧', content: '老伴眼睛不好，想借一台能听越剧的收音机，用完就还。' }))._id
    const lamp = unwrap(await create('wo-search', { title: '帮忙换楼道灯泡啊', content: '楼道的灯坏了，想请人帮忙换一下，晚上看不清。' }))._id
    const search = async (keyword: string, extra: Record<string, unknown> = {}) =>
      unwrap(await cloud.call<Page<WishSummary>>('wish', 'demo-resident', { action: 'list', keyword, pageSize: 50, ...extra })).items.map((w) => w._id)
    expect(await search('收音机')).toContain(radio)
    expect(await search('收音机')).not.toContain(lamp)
    expect(await search('越剧 老伴')).toContain(radio)
    expect(await search('晚上看不清', { communityId: 'dadu', category: '生活帮扶', status: 'open' })).toEqual([lamp])
    expect(await search('收音机', { communityId: 'yulan' })).not.toContain(radio)
    expect(await search('.*')).toEqual([])
    expect(await cloud.call('wish', 'demo-resident', { action: 'list', keyword: '很长很长很长很长很长很长很长很长很长很长的搜索' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    // An edit changes what the search finds.
    unwrap(await wish('wo-search', 'edit', { wishId: lamp, title: '帮忙修一下楼道的灯', content: '楼道的灯坏了，想请会修的志愿者帮忙看看。', category: '生活帮扶', contactPhone: PHONE }))
    expect(await search('会修')).toContain(lamp)
  })
})
