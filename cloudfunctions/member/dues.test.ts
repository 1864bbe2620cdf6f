import dayjs from 'dayjs'
import { todayInChina } from '@/domain/dates'
import { checkCharacter } from '@/domain/member/id-number'
import type { ApplicationView, MemberCard } from '@/domain/member/contract'
import { startTestCloud, unwrap, type TestCloud } from '../../localcloud/testing'
import { NINE_IN_CHINA } from '../../localcloud/jobs-testing'

/** 会费 by 《中国红十字会会费管理办法》: yearly, ≤ 10 元 adults, ≤ 5 元 youth, students voluntary, two years unpaid = 自动退会. */
let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
  cloud.store.insert('users', [{ _id: 'staff-dadu', displayName: '赵刚', roles: ['staff'], homeCommunityId: 'dadu', staffCommunityIds: ['dadu'], createdAt: new Date() }])
})
afterAll(() => cloud.stop())

const year = Number(todayInChina().slice(0, 4))
let serial = 300
const idNumber = (birth: string) => {
  const first17 = `330602${birth.replace(/-/g, '')}${serial++}`
  return first17 + checkCharacter(first17)
}
const call = <T>(openid: string, event: Record<string, unknown>) => cloud.call<T>('member', openid, event)

/** Applies and is approved in 港越 (dues 10 元 / 5 元 a year in the seed). */
async function member(openid: string, birth = '1970-05-05') {
  const applied = unwrap(await call<ApplicationView>(openid, {
    action: 'apply', name: '钱会费', idNumber: idNumber(birth), phone: '13857500777', communityId: 'gangyue', address: '港越新村2幢', consent: true, idConsent: true,
    ...(dayjs().diff(birth, 'year') < 18 ? { guardian: { name: '钱家长', relation: '母亲', phone: '13857500778' } } : {}),
  }))
  unwrap(await call('demo-staff', { action: 'review', applicationId: applied._id, decision: 'approve' }))
  return applied._id
}
const record = (applicationId: string, y: number, amountFen: number, receiptNo: string, by = 'demo-staff') => call<ApplicationView>(by, { action: 'recordDues', applicationId, year: y, amountFen, receiptNo })
const card = async (openid: string) => unwrap(await call<{ card: MemberCard | null }>(openid, { action: 'mine' })).card

test('a new member\'s card says this year\'s dues are due; staff record them and the card says 会费缴至 this year', async () => {
  const id = await member('d-new')
  expect((await card('d-new'))!.dues).toMatchObject({ state: 'due', paidThrough: null, yearFen: 1000, hint: `请在${year}年12月31日前到社区缴纳${year}年度会费10元。` })
  const saved = unwrap(await record(id, year, 1000, 'GY-001'))
  expect(saved.dues).toMatchObject({ state: 'paid', paidThrough: year, label: `会费缴至${year}年` })
  expect((await card('d-new'))!.dues.label).toBe(`会费缴至${year}年`)
  const stored = cloud.store.find('applications', { _id: id })[0]
  expect(stored.duesPayments).toEqual([expect.objectContaining({ year, amountFen: 1000, receiptNo: 'GY-001', byName: '工作人员 张敏' })])
})

test('the same payment sent again records nothing more; a second receipt for that year is refused', async () => {
  const id = await member('d-retry')
  const results = await Promise.all([1, 2, 3].map(() => record(id, year, 1000, 'GY-002')))
  expect(results.every((r) => r.ok)).toBe(true)
  expect(cloud.store.find('applications', { _id: id })[0].duesPayments).toHaveLength(1)
  expect(await record(id, year, 1000, 'GY-999')).toMatchObject({ ok: false, code: 'CONFLICT' })
})

test('amounts above the 办法\'s caps, years out of order, other roles and other communities change nothing', async () => {
  const id = await member('d-rules')
  const youthId = await member('d-youth', dayjs().subtract(16, 'year').format('YYYY-MM-DD'))
  const before = JSON.stringify(cloud.docs('applications'))
  expect(await record(id, year, 1001, 'R1')).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { amountFen: '会费每年不超过10元（《中国红十字会会费管理办法》）' } })
  expect(await record(youthId, year, 600, 'R2')).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { amountFen: '会费每年不超过5元（《中国红十字会会费管理办法》）' } })
  expect(await record(id, year + 1, 1000, 'R3')).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { year: `请记录${year}年的会费（会费按年度依次缴纳）` } })
  expect(await record(id, year, 1000, 'R4', 'demo-member')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await record(id, year, 1000, 'R5', 'staff-dadu')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(JSON.stringify(cloud.docs('applications'))).toBe(before)
  expect((await card('d-youth'))!).toMatchObject({ youth: true, dues: { yearFen: 500 } })
})

test('two past years unpaid in a row: the card is shown as lapsed (视为自动退会), not deleted, and no more dues are taken', async () => {
  const id = await member('d-lapsed')
  cloud.store.update('applications', { _id: id }, { $set: { joinedAt: `${year - 3}-03-01`, duesPaidThrough: year - 3 } })
  const lapsed = (await card('d-lapsed'))!
  expect(lapsed.dues).toMatchObject({ state: 'lapsed', label: '已视为自动退会' })
  expect(await record(id, year - 2, 1000, 'LATE')).toMatchObject({ ok: false, code: 'CONFLICT' })
  cloud.store.update('applications', { _id: id }, { $set: { duesPaidThrough: year - 2 } })
  expect((await card('d-lapsed'))!.dues.state).toBe('arrears')
})

test('a student member pays voluntarily: staff mark it, the card says so', async () => {
  const id = await member('d-student', dayjs().subtract(19, 'year').format('YYYY-MM-DD'))
  expect(await call('demo-member', { action: 'setStudent', applicationId: id, student: true })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(unwrap(await call<ApplicationView>('demo-staff', { action: 'setStudent', applicationId: id, student: true })).dues).toMatchObject({ state: 'exempt' })
  expect((await card('d-student'))!.dues.label).toBe('在校学生，会费自愿缴纳')
})

test('staff set their community\'s dues within the caps; the card follows the setting', async () => {
  expect(await call('demo-staff', { action: 'setDues', communityId: 'gangyue', adultFen: 1200, youthFen: 500 })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect(await call('staff-dadu', { action: 'setDues', communityId: 'gangyue', adultFen: 800, youthFen: 300 })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  unwrap(await call('demo-staff', { action: 'setDues', communityId: 'gangyue', adultFen: 800, youthFen: 300 }))
  await member('d-setting')
  expect((await card('d-setting'))!.dues).toMatchObject({ yearFen: 800, hint: expect.stringContaining('8元') })
  unwrap(await call('demo-staff', { action: 'setDues', communityId: 'gangyue', adultFen: 1000, youthFen: 500 }))
})

test('the member job migrates records written before: no 职业, validity or stored youth flag, the address to the building, dues kept from this year', async () => {
  const id = await member('d-old')
  cloud.store.update('applications', { _id: id }, {
    $set: { occupation: '退休教师', youth: false, validUntil: `${year + 2}-01-01`, address: '港越新村2幢1单元302室', joinedAt: `${year - 4}-01-01` },
    $unset: { recordVersion: '', duesPaidThrough: '', duesTrackedFrom: '' },
  })
  expect(await cloud.functions.invoke('scheduler', { Type: 'Timer', Time: NINE_IN_CHINA }, '')).toMatchObject({ ok: true, jobs: { member: { done: 1 } } })
  expect(await cloud.functions.invoke('scheduler', { Type: 'Timer', Time: NINE_IN_CHINA }, '')).toMatchObject({ ok: true, jobs: { member: { done: 0 } } })
  const migrated = cloud.store.find('applications', { _id: id })[0]
  expect(migrated).toMatchObject({ address: '港越新村2幢', duesPaidThrough: null, duesTrackedFrom: year, recordVersion: 2 })
  for (const gone of ['occupation', 'youth', 'validUntil']) expect(migrated).not.toHaveProperty(gone)
  // Joined four years ago, but nobody recorded dues before: due this year, not lapsed.
  expect((await card('d-old'))!.dues.state).toBe('due')
})

describe('退会 (章程: 有退会的自由)', () => {
  test('a member leaves and keeps the account: card withdrawn, role gone, record 已退会, ID erased 90 days later; may join again', async () => {
    const id = await member('d-leaving')
    expect(await call('d-leaving', { action: 'leave' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    const answers = await Promise.all([1, 2].map(() => call<ApplicationView>('d-leaving', { action: 'leave', confirm: true })))
    expect(answers.every((a) => a.ok)).toBe(true)
    const mine = unwrap(await call<{ application: ApplicationView; card: MemberCard | null }>('d-leaving', { action: 'mine' }))
    expect(mine.card).toBeNull()
    expect(mine.application).toMatchObject({ status: 'left', dues: null })
    expect(mine.application.timeline.filter((t) => t.action === 'left')).toHaveLength(1)
    expect(unwrap(await cloud.call<{ roles: string[] }>('user', 'd-leaving', { action: 'me' })).roles).not.toContain('member')
    expect(cloud.store.find('users', { _id: 'd-leaving' })).toHaveLength(1)
    expect(cloud.store.find('applications', { _id: id })[0].idCipher).toMatch(/^v1:/)

    cloud.store.update('applications', { _id: id }, { $set: { leftAt: new Date(Date.now() - 91 * 24 * 3600 * 1000) } })
    await cloud.functions.invoke('scheduler', { Type: 'Timer', Time: NINE_IN_CHINA }, '')
    expect(cloud.store.find('applications', { _id: id })[0]).toMatchObject({ status: 'left', idCipher: null, idMasked: '已删除' })

    const again = unwrap(await call<ApplicationView>('d-leaving', {
      action: 'apply', name: '钱会费', idNumber: idNumber('1970-05-05'), phone: '13857500777', communityId: 'gangyue', address: '港越新村2幢', consent: true, idConsent: true,
    }))
    expect(again).toMatchObject({ _id: id, status: 'pending' })
  })

  test('someone who is not a member cannot leave', async () => {
    expect(await call('d-nobody', { action: 'leave', confirm: true })).toMatchObject({ ok: false, code: 'CONFLICT' })
  })
})

describe('备案 to the district (《中国红十字会会员管理办法》: 报县级以上红十字会备案)', () => {
  test('the district sees its communities\' members with IDs masked; opening one is recorded and shown to the member', async () => {
    const id = await member('d-filed')
    const from = `${year}-01-01`
    const to = `${year}-12-31`
    const page = unwrap(await call<{ items: Array<{ applicationId: string; idNumber: string; name: string }>; hasMore: boolean }>('demo-district', { action: 'filing', joinedFrom: from, joinedTo: to }))
    const row = page.items.find((r) => r.applicationId === id)!
    expect(row).toMatchObject({ name: '钱会费', idNumber: expect.stringMatching(/^3306\*{10}\d{3}[\dX]$/) })
    expect(JSON.stringify(page)).not.toContain('13857500777')
    // Someone of another district sees nothing; other roles are refused.
    cloud.store.insert('users', [{ _id: 'district-other', displayName: '外区', roles: ['district'], homeCommunityId: null, staffCommunityIds: [], districts: ['杭州市西湖区'], createdAt: new Date() }])
    expect(unwrap(await call<{ items: unknown[] }>('district-other', { action: 'filing' })).items).toHaveLength(0)
    expect(await call('district-other', { action: 'get', applicationId: id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await call('demo-staff', { action: 'filing' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await call('demo-member', { action: 'filingExport', joinedFrom: from, joinedTo: to })).toMatchObject({ ok: false, code: 'FORBIDDEN' })

    const opened = unwrap(await call<ApplicationView>('demo-district', { action: 'get', applicationId: id }))
    expect(opened.idNumber).toMatch(/^330602\d{12}$/)
    expect(unwrap(await call<{ application: ApplicationView }>('d-filed', { action: 'mine' })).application.idViews).toEqual([{ at: expect.any(String), by: '区红十字会 周建国' }])
  })

  test('the export is a CSV with a BOM, one masked row per member of the period', async () => {
    const from = `${year}-01-01`
    const to = `${year}-12-31`
    const file = unwrap(await call<{ fileName: string; csv: string; rows: number }>('demo-district', { action: 'filingExport', joinedFrom: from, joinedTo: to }))
    expect(file.fileName).toBe(`会员备案-${from}-${to}.csv`)
    expect(file.csv.charCodeAt(0)).toBe(0xfeff)
    const lines = file.csv.slice(1).trimEnd().split('\r\n')
    expect(lines[0]).toBe('"会员号","姓名","性别","出生日期","身份证号","会员类别","所属社区","小区楼栋","入会日期","会费"')
    expect(lines).toHaveLength(file.rows + 1)
    expect(file.rows).toBeGreaterThan(0)
    expect(file.csv).not.toMatch(/330602\d{12}/)
    expect(lines.find((l) => l.includes('"钱会费"'))).toMatch(/"3306\*{10}\d{3}[\dX]"/)
  })
})

describe('更正 (PIPL 第四十六条)', () => {
  test('a member asks for a correction (once, however often sent); staff of the community accept it and the field changes', async () => {
    const id = await member('d-correct')
    expect(await call('d-correct', { action: 'requestCorrection', field: 'address', value: '港越新村2幢301室' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    const sent = await Promise.all([1, 2].map(() => call<ApplicationView>('d-correct', { action: 'requestCorrection', field: 'phone', value: '13857500999' })))
    expect(sent.every((r) => r.ok)).toBe(true)
    const [correction] = unwrap(sent[1]).corrections
    expect(unwrap(sent[1]).corrections).toEqual([{ key: correction.key, field: 'phone', value: '13857500999', status: 'open', at: expect.any(String) }])
    expect(await call('staff-dadu', { action: 'resolveCorrection', applicationId: id, key: correction.key, accept: true })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await call('d-correct', { action: 'resolveCorrection', applicationId: id, key: correction.key, accept: true })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const decided = unwrap(await call<ApplicationView>('demo-staff', { action: 'resolveCorrection', applicationId: id, key: correction.key, accept: true }))
    expect(decided).toMatchObject({ phone: '13857500999', corrections: [{ status: 'accepted' }] })
    expect(await call('demo-staff', { action: 'resolveCorrection', applicationId: id, key: correction.key, accept: false })).toMatchObject({ ok: false, code: 'CONFLICT' })
  })
})
