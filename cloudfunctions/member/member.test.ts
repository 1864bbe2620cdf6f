import fs from 'node:fs'
import path from 'node:path'
import { checkCharacter } from '@/domain/member/id-number'
import type { Page } from '@/domain/contract'
import type { ApplicationView, MemberCard } from '@/domain/member/contract'
import type { Me } from '@/domain/user/contract'
import { defaultDisplayName } from '@/domain/user/types'
import { startTestCloud, unwrap, type TestCloud } from '../../localcloud/testing'
import { NINE_IN_CHINA } from '../../localcloud/jobs-testing'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
  // A second staff member who works for 大渡社区 only.
  cloud.store.insert('users', [{ _id: 'staff-dadu', displayName: '赵刚', roles: ['staff'], homeCommunityId: 'dadu', staffCommunityIds: ['dadu'], createdAt: new Date() }])
})
afterAll(() => cloud.stop())

const FULL_ID = '330602199001011231'
const MASKED_ID = '3306**********1231'
/** A valid ID number of someone born on the date, different for each `n` (one number, one application). */
const idNumberOf = (n: number, birth = '19900101') => {
  const first17 = `330602${birth}${String(200 + n).padStart(3, '0')}`
  return first17 + checkCharacter(first17)
}
const applicants = new Map<string, string>([['m-alice', FULL_ID]])
const idFor = (openid: string) => applicants.get(openid) ?? applicants.set(openid, idNumberOf(applicants.size)).get(openid)!
const application = (overrides: Record<string, unknown> = {}) => ({
  action: 'apply',
  name: '王秀英',
  idNumber: FULL_ID,
  phone: '13857500001',
  communityId: 'yulan',
  address: '柯桥街道玉兰花园3幢',
  consent: true,
  idConsent: true,
  ...overrides,
})


const apply = (openid: string, overrides: Record<string, unknown> = {}) => cloud.call<ApplicationView>('member', openid, application({ idNumber: idFor(openid), ...overrides }))
const review = (openid: string, applicationId: string, decision: string, reason?: string) =>
  cloud.call<ApplicationView>('member', openid, { action: 'review', applicationId, decision, reason })
const mine = (openid: string) => cloud.call<{ application: ApplicationView | null; card: MemberCard | null }>('member', openid, { action: 'mine' })
const snapshot = () => JSON.stringify(['applications', 'counters', 'users', 'inbox'].map((c) => cloud.docs(c)))

describe('apply', () => {
  test('a resident applies; the application is pending and the ID comes back masked', async () => {
    const view = unwrap(await apply('m-alice'))
    expect(view).toMatchObject({ status: 'pending', name: '王秀英', idNumber: MASKED_ID, phone: '13857500001', communityName: '玉兰社区', youth: false, guardian: null })
    expect(view.timeline.map((t) => [t.action, t.by])).toEqual([['submitted', '本人']])
    const stored = cloud.docs('applications').find((a) => a.openid === 'm-alice')
    // Kept only sealed: the number itself is nowhere in the document, nor in the data folder.
    expect(JSON.stringify(stored)).not.toContain(FULL_ID)
    expect(stored).toMatchObject({ idMasked: MASKED_ID, idCipher: expect.stringMatching(/^v1:/) })
    const files = fs.readdirSync(cloud.dataDir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile())
    for (const file of files) expect(fs.readFileSync(path.join(file.parentPath, file.name), 'utf8')).not.toContain(FULL_ID)
  })

  test('one open application per person', async () => {
    expect(await apply('m-alice')).toMatchObject({ ok: false, code: 'CONFLICT' })
    const racers = await Promise.all(Array.from({ length: 10 }, () => apply('m-racer')))
    expect(racers.filter((r) => r.ok)).toHaveLength(1)
    expect(cloud.docs('applications').filter((a) => a.openid === 'm-racer')).toHaveLength(1)
  })

  test('a youth applicant must give a guardian; with one the application is a youth one', async () => {
    const youth = { name: '陈小雨', idNumber: '330603201202290018' }
    expect(await apply('m-youth', youth)).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { guardian: '未满18周岁需要填写监护人信息' } })
    const view = unwrap(await apply('m-youth', { ...youth, guardian: { name: '陈大明', relation: '父亲', phone: '13900000000' } }))
    expect(view).toMatchObject({ youth: true, guardian: { name: '陈大明', relation: '父亲', phone: '13900000000' } })
  })

  test.each([
    ['checksum', { idNumber: '330602199001011232' }, 'idNumber'],
    ['15-digit ID', { idNumber: '330602900101123' }, 'idNumber'],
    ['no province 00 (GB/T 2260)', { idNumber: '00000019900101123X' }, 'idNumber'],
    ['door number in the address', { address: '玉兰花园3幢201室' }, 'address'],
    ['phone', { phone: '1385750000' }, 'phone'],
    ['no consent', { consent: false }, 'consent'],
    ['no ID consent', { idConsent: 'yes' }, 'idConsent'],
    ['unknown community', { communityId: 'atlantis' }, 'communityId'],
    ['name type', { name: 42 }, 'name'],
  ])('invalid %s → INVALID_INPUT on %s, nothing written', async (_label, overrides, field) => {
    const before = snapshot()
    const result = await apply('m-invalid', overrides)
    expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(!result.ok && result.fields).toHaveProperty(field)
    expect(snapshot()).toBe(before)
  })
})

describe('review', () => {
  let appId: string
  beforeAll(async () => {
    appId = unwrap(await apply('m-bob', { name: '李建国', communityId: 'dadu', idNumber: '330602199307070517' }))._id
  })

  test.each([
    ['demo-resident', 'FORBIDDEN'],
    ['demo-volunteer', 'FORBIDDEN'],
    ['demo-member', 'FORBIDDEN'],
  ])('%s may not review → %s, nothing changes', async (openid, code) => {
    const before = snapshot()
    expect(await review(openid, appId, 'approve')).toMatchObject({ ok: false, code })
    expect(snapshot()).toBe(before)
  })

  test('staff of another community may not review or read it', async () => {
    const pending = unwrap(await apply('m-carol', { name: '陈美玲', communityId: 'gangyue', idNumber: '330621194512030027' }))
    const before = snapshot()
    expect(await review('staff-dadu', pending._id, 'approve')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await cloud.call('member', 'staff-dadu', { action: 'get', applicationId: pending._id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(snapshot()).toBe(before)
  })

  test('a rejection needs a reason', async () => {
    expect(await review('demo-staff', appId, 'reject', '')).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { reason: '请填写不通过的原因，申请人会看到' } })
  })

  test('approval gives one member number; approving again (a retry) answers the same; rejecting then is a CONFLICT', async () => {
    const approved = unwrap(await review('staff-dadu', appId, 'approve'))
    expect(approved.status).toBe('approved')
    expect(approved.memberNo).toMatch(/^DD\d{4}\d{4}$/)
    expect(approved.timeline.map((t) => [t.action, t.by])).toEqual([
      ['submitted', '本人'],
      ['approved', '工作人员 赵刚'],
    ])
    expect(unwrap(await review('demo-staff', appId, 'approve')).memberNo).toBe(approved.memberNo)
    expect(await review('demo-staff', appId, 'reject', '信息有误')).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(cloud.docs('applications').find((a) => a._id === appId)?.memberNo).toBe(approved.memberNo)
  })

  test('the approved resident becomes a member, sees the card and gets the message', async () => {
    const me = unwrap(await cloud.call<Me>('user', 'm-bob', { action: 'me' }))
    expect(me.roles).toContain('member')
    // Approval never puts the legal name in place of the nickname others see.
    expect(me.displayName).toBe(defaultDisplayName('m-bob'))
    const { card } = unwrap(await mine('m-bob'))
    expect(card).toMatchObject({ name: '李建国', communityName: '大渡社区', idNumber: '3306**********0517' })
    // No invented validity: the card says what dues are due (《中国红十字会会费管理办法》).
    expect(card).not.toHaveProperty('validUntil')
    expect(card!.dues).toMatchObject({ state: 'due', paidThrough: null, yearFen: 1000 })
    const inbox = cloud.docs('inbox').filter((m) => m.openid === 'm-bob')
    expect(inbox).toHaveLength(1)
    expect(inbox[0].title).toBe('入会审核结果')
    expect(JSON.stringify(inbox)).not.toContain('330602199307070517')
  })

  test('rejection with a reason; the applicant corrects and resubmits; then approved', async () => {
    const id = unwrap(await apply('m-dave', { name: '张伟', communityId: 'yulan', idNumber: '440304200808152112' }))._id
    const rejected = unwrap(await review('demo-staff', id, 'reject', '请填写完整的门牌号'))
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: '请填写完整的门牌号' })
    expect(unwrap(await mine('m-dave')).application).toMatchObject({ status: 'rejected', rejectReason: '请填写完整的门牌号' })

    const resubmitted = unwrap(await apply('m-dave', { name: '张伟', communityId: 'yulan', idNumber: '440304200808152112', address: '柯桥街道玉兰花园5幢' }))
    expect(resubmitted).toMatchObject({ _id: id, status: 'pending', rejectReason: null, address: '柯桥街道玉兰花园5幢' })
    expect(resubmitted.timeline.map((t) => t.action)).toEqual(['submitted', 'rejected', 'resubmitted'])
    expect(unwrap(await review('demo-staff', id, 'approve')).status).toBe('approved')
  })

  test('a resubmission can add a guardian where there was none (stored null) and drop one', async () => {
    const adult = { name: '陈小雨', communityId: 'yulan' }
    const id = unwrap(await apply('m-guardian', adult))._id
    unwrap(await review('demo-staff', id, 'reject', '请核对出生日期'))
    const guardian = { name: '陈大明', relation: '父亲', phone: '13900000000' }
    const youth = { ...adult, idNumber: idNumberOf(90, '20120229'), guardian }
    expect(unwrap(await apply('m-guardian', youth))).toMatchObject({ youth: true, guardian })
    unwrap(await review('demo-staff', id, 'reject', '请再核对一次'))
    expect(unwrap(await apply('m-guardian', adult))).toMatchObject({ youth: false, guardian: null })
  })
})

describe('who sees the ID number', () => {
  let id: string
  beforeAll(async () => {
    id = unwrap(await apply('m-erin', { name: '刘芳', communityId: 'gangyue', idNumber: '11010519491231002X' }))._id
  })

  test('the applicant sees it masked', async () => {
    expect(unwrap(await mine('m-erin')).application?.idNumber).toBe('1101**********002X')
  })

  test('staff lists mask ID numbers and phone numbers', async () => {
    const page = unwrap(await cloud.call<Page<ApplicationView>>('member', 'demo-staff', { action: 'list', status: 'pending' }))
    const erin = page.items.find((a) => a._id === id)
    expect(erin).toMatchObject({ idNumber: '1101**********002X', phone: '138****0001' })
    expect(JSON.stringify(page)).not.toMatch(/\d{17}[\dX]/)
  })

  test('staff of the applicant’s community see it in full on get', async () => {
    expect(unwrap(await cloud.call<ApplicationView>('member', 'demo-staff', { action: 'get', applicationId: id })).idNumber).toBe('11010519491231002X')
  })

  test('residents, volunteers and members may not list or get', async () => {
    for (const openid of ['demo-resident', 'demo-volunteer', 'demo-member']) {
      expect(await cloud.call('member', openid, { action: 'list' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
      expect(await cloud.call('member', openid, { action: 'get', applicationId: id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    }
  })

  test('staff may not list a community they do not serve', async () => {
    expect(await cloud.call('member', 'staff-dadu', { action: 'list', communityId: 'gangyue' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const own = unwrap(await cloud.call<Page<ApplicationView>>('member', 'staff-dadu', { action: 'list' }))
    expect(own.items.every((a) => a.communityId === 'dadu')).toBe(true)
  })
})

test('concurrent approvals never hand out the same member number', async () => {
  const ids: string[] = []
  for (let i = 0; i < 20; i++) {
    const view = unwrap(await apply(`m-batch-${i}`, { name: `居民${String.fromCharCode(0x4e00 + i)}`, communityId: 'yulan' }))
    ids.push(view._id)
  }
  const results = await Promise.all(ids.map((id) => review('demo-staff', id, 'approve')))
  const numbers = results.map((r) => unwrap(r).memberNo)
  expect(new Set(numbers).size).toBe(20)
  expect(numbers.every((n) => /^YL\d{8}$/.test(n ?? ''))).toBe(true)
})

test('20 approvals of one application at once: one decides, one member number is used, the applicant is told once', async () => {
  const id = unwrap(await apply('m-once', { name: '周一', communityId: 'dadu' }))._id
  const counter = () => (cloud.docs('counters').find((c) => String(c._id).startsWith('member-DD')) as { seq?: number } | undefined)?.seq ?? 0
  const before = counter()
  const results = await Promise.all(Array.from({ length: 20 }, () => review('demo-staff', id, 'approve')))
  // Calls that read it still pending lose the decision (CONFLICT); calls that arrived while the
  // number was being drawn answer without it yet; none draws another.
  expect(results.filter((r) => r.ok).length).toBeGreaterThan(0)
  const numbers = new Set(results.map((r) => (r.ok ? r.data.memberNo : null)).filter(Boolean))
  expect(numbers.size).toBe(1)
  expect(counter()).toBe(before + 1)
  expect(cloud.docs('inbox').filter((m) => m.openid === 'm-once')).toHaveLength(1)
})

test('an approval cut off before the number and the role is finished by approving again', async () => {
  const id = unwrap(await apply('m-cut', { name: '吴二', communityId: 'dadu' }))._id
  // What the first step leaves when the function stops right after it.
  cloud.store.update('applications', { _id: id }, { $set: { status: 'approved', memberNo: null, joinedAt: '2026-11-23', duesPaidThrough: null } })
  const finished = unwrap(await review('demo-staff', id, 'approve'))
  expect(finished).toMatchObject({ status: 'approved', memberNo: expect.stringMatching(/^DD\d{8}$/) })
  expect(cloud.store.find('users', { _id: 'm-cut' })[0].roles).toContain('member')
  expect(unwrap(await mine('m-cut')).card).toMatchObject({ memberNo: finished.memberNo })
  // Once complete, approving again changes nothing; rejecting is refused.
  expect(unwrap(await review('demo-staff', id, 'approve')).memberNo).toBe(finished.memberNo)
  expect(await review('demo-staff', id, 'reject', '重复')).toMatchObject({ ok: false, code: 'CONFLICT' })
})

test('staff may not review their own application', async () => {
  const own = unwrap(await apply('demo-staff', { name: '张敏', communityId: 'yulan' }))
  expect(await review('demo-staff', own._id, 'approve')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(cloud.store.find('applications', { _id: own._id })[0].status).toBe('pending')
})

describe('an ID number belongs to one application at a time', () => {
  test('a second person with the same ID number is refused; once the first is turned down, it is free', async () => {
    const shared = idNumberOf(500)
    const first = unwrap(await apply('m-first', { idNumber: shared, communityId: 'dadu' }))
    expect(await apply('m-second', { idNumber: shared, communityId: 'dadu' })).toMatchObject({ ok: false, code: 'CONFLICT' })
    const raced = await Promise.all(['m-r1', 'm-r2', 'm-r3'].map((openid) => apply(openid, { idNumber: idNumberOf(501), communityId: 'dadu' })))
    expect(raced.filter((r) => r.ok)).toHaveLength(1)
    unwrap(await review('demo-staff', first._id, 'reject', '信息有误'))
    expect((await apply('m-second', { idNumber: shared, communityId: 'dadu' })).ok).toBe(true)
  })

  test('every time staff open the full number it is recorded, and the applicant sees it', async () => {
    const { _id } = unwrap(await apply('m-viewed', { communityId: 'yulan' }))
    const full = unwrap(await cloud.call<ApplicationView>('member', 'demo-staff', { action: 'get', applicationId: _id }))
    expect(full.idNumber).toBe(idFor('m-viewed'))
    const own = unwrap(await mine('m-viewed')).application!
    expect(own.idNumber).toMatch(/^3306\*{10}\d{3}[\dX]$/)
    expect(own.idViews).toEqual([{ at: expect.any(String), by: '工作人员 张敏' }])
  })
})

test('90 days after an application is turned down its ID number is erased; a fresh resubmission is untouched', async () => {
  const old = unwrap(await apply('m-old', { communityId: 'dadu' }))
  const recent = unwrap(await apply('m-recent', { communityId: 'dadu' }))
  for (const { _id } of [old, recent]) unwrap(await review('demo-staff', _id, 'reject', '资料不全'))
  cloud.store.update('applications', { _id: old._id }, { $set: { reviewedAt: new Date(Date.now() - 91 * 24 * 3600 * 1000) } })
  expect(await cloud.call('scheduler', 'm-old', {})).toEqual({ ok: false })
  expect(await cloud.functions.invoke('scheduler', { Type: 'Timer', Time: NINE_IN_CHINA }, '')).toMatchObject({ ok: true, jobs: { member: { done: 1, more: false } } })
  expect(await cloud.functions.invoke('scheduler', { Type: 'Timer', Time: NINE_IN_CHINA }, '')).toMatchObject({ ok: true, jobs: { member: { done: 0, more: false } } })
  expect(cloud.store.find('applications', { _id: old._id })[0]).toMatchObject({ idCipher: null, idMasked: '已删除' })
  expect(cloud.store.find('applications', { _id: recent._id })[0].idCipher).toMatch(/^v1:/)
  expect(unwrap(await mine('m-old')).application?.idNumber).toBe('已删除')
  expect(unwrap(await cloud.call<ApplicationView>('member', 'demo-staff', { action: 'get', applicationId: old._id })).idNumber).toBe('已删除')
})

describe('撤回: the applicant takes back a waiting application', () => {
  const withdraw = (openid: string, extra: Record<string, unknown> = { confirm: true }) => cloud.call<ApplicationView>('member', openid, { action: 'withdraw', ...extra })
  const queue = async () => unwrap(await cloud.call<Page<ApplicationView>>('member', 'demo-staff', { action: 'list', status: 'pending', page: 1, pageSize: 50 })).items.map((a) => a._id)

  test('while pending: withdrawn at once, out of the queue, the ID erased and free again; 20 taps withdraw once; it may be submitted again', async () => {
    const shared = idNumberOf(700)
    const submitted = unwrap(await apply('m-withdraw', { idNumber: shared, communityId: 'dadu' }))
    expect(await queue()).toContain(submitted._id)
    expect(await withdraw('m-withdraw', {})).toMatchObject({ ok: false, code: 'INVALID_INPUT' })

    const answers = await Promise.all(Array.from({ length: 20 }, () => withdraw('m-withdraw')))
    expect(answers.every((a) => a.ok)).toBe(true)
    const view = unwrap(answers[0])
    expect(view.status).toBe('withdrawn')
    expect(view.timeline.filter((t) => t.action === 'withdrawn')).toEqual([expect.objectContaining({ by: '本人' })])
    expect(await queue()).not.toContain(submitted._id)
    const stored = cloud.store.find('applications', { _id: submitted._id })[0]
    expect(stored).toMatchObject({ status: 'withdrawn', idCipher: null, idHash: `released:${submitted._id}` })
    // No staff action: nothing in the audit trail.
    expect(cloud.docs('auditLog').filter((e) => e.target === submitted._id)).toEqual([])

    // The number is free for another application, and the person may apply again.
    expect((await apply('m-withdraw-2', { idNumber: shared, communityId: 'dadu' })).ok).toBe(true)
    const again = unwrap(await apply('m-withdraw', { idNumber: idNumberOf(701), communityId: 'dadu' }))
    expect(again).toMatchObject({ _id: submitted._id, status: 'pending' })
    expect(await queue()).toContain(submitted._id)
  })

  test('once decided it cannot be withdrawn, and changes nothing; someone without an application is told', async () => {
    const submitted = unwrap(await apply('m-decided', { communityId: 'dadu' }))
    unwrap(await review('demo-staff', submitted._id, 'approve'))
    const before = snapshot()
    expect(await withdraw('m-decided')).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(snapshot()).toBe(before)
    expect(await withdraw('m-nobody')).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })
})
