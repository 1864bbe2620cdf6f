import dayjs from 'dayjs'
import { todayInChina } from '@/domain/dates'
import fs from 'node:fs'
import path from 'node:path'
import { checkCharacter } from '@/domain/member/id-number'
import type { MyData } from '@/domain/user/contract'
import { uploadFolderOf } from '../_kit/uploads'
import { wxServerSdk } from '../../localcloud/backend/install'
import { startTestCloud, unwrap, type TestCloud } from '../../localcloud/testing'

jest.setTimeout(120_000)

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
})
afterAll(() => cloud.stop())

const SITE = { latitude: 30.0656, longitude: 120.5068, address: '大渡社区博爱家园' }
const MINUTE = 60_000
const inMinutes = (m: number) => new Date(Date.now() + m * MINUTE).toISOString()
const sdk = () => wxServerSdk() as { uploadFile(p: object): Promise<{ fileID: string }> }
const upload = async (openid: string, name: string) => (await sdk().uploadFile({ cloudPath: `${uploadFolderOf(openid)}/photos/${name}`, fileContent: Buffer.from('jpeg') })).fileID
const waitChecks = () => new Promise((resolve) => setTimeout(resolve, 800))
let serial = 100
const idNumber = () => {
  const first17 = `33060219800101${serial++}`
  return first17 + checkCharacter(first17)
}

/** Every flow of the app, as one person (with helpers around them), leaving their traces everywhere. */
async function liveALife(who: { openid: string; name: string; phone: string }) {
  const { openid, name, phone } = who
  const call = async <T = Record<string, unknown>>(fn: string, event: Record<string, unknown>, as = openid) => unwrap(await cloud.call<T>(fn, as, event))
  await call('user', { action: 'updateProfile', displayName: name, homeCommunityId: 'dadu', avatar: await upload(openid, 'me.jpg') })
  const application = await call<{ _id: string }>('member', { action: 'apply', name, idNumber: idNumber(), phone, communityId: 'dadu', address: '大渡新村8幢', consent: true, idConsent: true })
  await call('member', { action: 'review', applicationId: application._id, decision: 'approve' }, 'demo-staff')
  await call('member', { action: 'recordDues', applicationId: application._id, year: new Date().getFullYear(), amountFen: 1000, receiptNo: 'E-1' }, 'demo-staff')
  await call('volunteer', { action: 'register', name, phone, communityId: 'dadu', skills: ['陪伴聊天'], availability: ['sat-am'], birthYear: 1980 })
  // Their own wish, claimed and done by the demo volunteer, thanked by them.
  const own = await call<{ _id: string }>('wish', { action: 'create', title: '帮忙修理门锁', content: `${name}家门锁坏了，联系电话${phone}，谢谢大家。`, category: '生活帮扶', communityId: 'dadu', contactPhone: phone, images: [await upload(openid, 'lock.jpg')] })
  await waitChecks()
  await call('wish', { action: 'claim', wishId: own._id }, 'demo-volunteer')
  await call('wish', { action: 'fulfil', wishId: own._id, note: '已经修好了门锁', minutes: 40 }, 'demo-volunteer')
  await call('wish', { action: 'confirm', wishId: own._id, thanks: `谢谢，我是${name}` })
  // Someone else's wish they claim and fulfil (with a photo), and another they hold claimed.
  const helped = await call<{ _id: string }>('wish', { action: 'create', title: '陪老人去医院复查', content: '下周二上午需要有人陪同去医院复查。', category: '就医陪护', communityId: 'dadu', contactPhone: '13857500002' }, 'demo-resident')
  await call('wish', { action: 'claim', wishId: helped._id })
  await call('wish', { action: 'fulfil', wishId: helped._id, note: `${name}陪同复查`, photos: [await upload(openid, 'done.jpg')], minutes: 90 })
  await call('wish', { action: 'confirm', wishId: helped._id, thanks: `谢谢${name}` }, 'demo-resident')
  await call('wish', { action: 'approveHours', wishId: helped._id, decision: 'approve' }, 'demo-staff')
  const held = await call<{ _id: string }>('wish', { action: 'create', title: '帮忙取快递', content: '腿脚不便，想请人帮忙取一下快递。', category: '生活帮扶', communityId: 'dadu', contactPhone: '13857500002' }, 'demo-resident')
  await call('wish', { action: 'claim', wishId: held._id })
  // Training: signed up, passed, a 救护员证.
  const session = await call<{ _id: string }>('training', { action: 'create', kind: 'rescuer', title: '救护员培训', communityId: 'dadu', dates: [todayInChina()], time: '09:00-16:00', place: '大渡社区活动室', capacity: 10 }, 'demo-staff')
  await call('training', { action: 'signup', sessionId: session._id, name, phone })
  const roster = await call<{ items: Array<{ _id: string; name: string }> }>('training', { action: 'roster', sessionId: session._id }, 'demo-staff')
  const signupId = roster.items.find((s) => s.name === name)!._id
  await call('training', { action: 'record', signupId, status: 'attended' }, 'demo-staff')
  await call('training', { action: 'record', signupId, status: 'passed' }, 'demo-staff')
  await call('training', { action: 'recordCertificate', signupId, number: 'ZJKQ-2026-00999', issuer: '绍兴市柯桥区红十字会', issuedOn: todayInChina(), validUntil: dayjs(todayInChina()).add(3, 'year').subtract(1, 'day').format('YYYY-MM-DD') }, 'demo-staff')
  // 博爱互助金: an aid request.
  await call('fund', { action: 'apply', communityId: 'dadu', name, phone, category: '困难', amountFen: 80000, reason: `${name}家里老人住院，生活暂时困难` })
  // A record the station imported from its paper list, which staff confirmed is them (import.confirmMatch).
  cloud.store.insert('importedPeople', [{ _id: 'ip-erasure', kind: 'volunteers', communityId: 'dadu', name, phone, member: null, volunteer: { skills: [], hours: 12, hoursFrom: '2020-01-01', hoursTo: '2020-12-31' }, importId: 'im-erasure', importedBy: 'demo-staff', importedByName: '刘建国', linkedOpenid: openid, linkedAt: new Date(), linkedBy: 'demo-staff', createdAt: new Date() }])
  // 紧急呼: enrolled at home, accepting a drill there, raising an alert of their own.
  const home = { latitude: SITE.latitude, longitude: SITE.longitude }
  await call('rescue', { action: 'enrol', consent: true, areas: [{ label: '家', ...home }] })
  const drill = await call<{ alertId: string }>('rescue', { action: 'raise', ...home, kind: 'cardiac_arrest', called120: true, drill: true, communityId: 'dadu', requestId: 'erase-drill-1' }, 'demo-staff')
  await call('rescue', { action: 'respond', alertId: drill.alertId, answer: 'accept' })
  await call('rescue', { action: 'raise', ...home, kind: 'choking', note: `${name}家门口`, called120: true, requestId: 'erase-raise-1' })
  // An activity: signed up, checked in and out, hours on the ledger and the honour board; another with a seat held.
  const done = await call<{ _id: string }>('activity', { action: 'create', title: '社区义诊志愿服务', type: 'clinic', description: '协助医生为老人量血压。', communityId: 'dadu', location: SITE, startAt: inMinutes(20), endAt: inMinutes(140), signupDeadline: inMinutes(10), capacity: 5, hours: 2 }, 'demo-staff')
  await call('activity', { action: 'signup', activityId: done._id })
  await call('activity', { action: 'checkIn', activityId: done._id, ...SITE })
  // As if it had started two hours ago, checked in at the start, and just ended.
  const startAt = new Date(Date.now() - 125 * MINUTE)
  const endAt = new Date(Date.now() - 5 * MINUTE)
  cloud.store.update('activities', { _id: done._id }, { $set: { startAt, endAt, signupDeadline: startAt } })
  cloud.store.update('activitySignups', { activityId: done._id }, { $set: { startAt, endAt, checkedInAt: startAt } })
  await call('activity', { action: 'checkOut', activityId: done._id, ...SITE })
  // The organiser confirms the roster: that credits the hours.
  await call('activity', { action: 'confirmAttendance', activityId: done._id, signupIds: [`${done._id}:${openid}`] }, 'demo-staff')
  const upcoming = await call<{ _id: string }>('activity', { action: 'create', title: '防灾宣传', type: 'clinic', description: '发放防灾手册。', communityId: 'dadu', location: SITE, startAt: inMinutes(600), endAt: inMinutes(700), signupDeadline: inMinutes(500), capacity: 3, hours: 1 }, 'demo-staff')
  await call('activity', { action: 'signup', activityId: upcoming._id })
  // A 志愿服务证明: asked for by the volunteer, issued by staff of the community.
  const request = await call<{ _id: string }>('volunteer', { action: 'requestCertificate', from: '2020-01-01', to: todayInChina(), idType: 'resident_id', idNumber: idNumber() })
  const issued = await call<{ certificate: { code: string } }>('volunteer', { action: 'issueCertificate', requestId: request._id }, 'demo-staff')
  const certificate = issued.certificate
  // An AED report with a photo, first-aid learning, message grants.
  const aed = cloud.docs('aeds').find((a) => a.verified === true && a.communityId === 'dadu')!
  await call('aed', { action: 'report', aedId: aed._id, kind: 'fault', note: `${name}报告：按了开关没反应`, photo: await upload(openid, 'aed.jpg') })
  // An AED they suggested that staff verified: it stays public, without saying who suggested it.
  const { aedId: suggested } = await call<{ aedId: string }>('aed', { action: 'suggest', name: '街角药店', latitude: 30.0663, longitude: 120.5073, address: '大渡路92号药店' })
  const dates = { padsExpiry: dayjs().add(1, 'year').format('YYYY-MM-DD'), batteryExpiry: dayjs().add(2, 'year').format('YYYY-MM-DD') }
  await call('aed', { action: 'verify', aedId: suggested, name: '街角药店', communityId: 'dadu', latitude: 30.0663, longitude: 120.5073, address: '大渡路92号药店', placement: 'indoor', hours: { always: true }, accessNotes: '向收银员说明后取用', accessPhone: '0575-84123456', ...dates }, 'demo-staff')
  await call('lesson', { action: 'submitQuiz', lessonId: 'heatstroke', answers: [0, 0, 0, 0, 0] }).catch(() => undefined)
  await call('notify', { action: 'subscribed', results: { 'tpl-wish-progress': 'accept' } }).catch(() => undefined)
  await waitChecks()
  return { certificate, upcoming, held, own, helped }
}

const ledgerHours = () => cloud.docs('hoursLedger').reduce((sum, e) => sum + (e.hours as number), 0)
/** Files in storage under a folder. */
const storedFiles = (folder: string) =>
  fs.readdirSync(cloud.dataDir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile() && path.join(f.parentPath, f.name).includes(folder)).map((f) => f.name)

/** The scheduler's last sweep, as it runs once no call started before the tombstone can still write. */
async function finalSweep(...openids: string[]) {
  for (const _id of openids) cloud.store.update('users', { _id }, { $set: { 'erasing.sweepAfter': new Date(Date.now() - 1000) } })
  expect(await cloud.functions.invoke('scheduler', { Type: 'Timer' }, '')).toMatchObject({ ok: true })
}

/** Every file of the data folder and of storage, searched for the person's traces. */
function traces(values: string[]): string[] {
  cloud.store.compact()
  const found: string[] = []
  for (const file of fs.readdirSync(cloud.dataDir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile())) {
    const where = path.join(file.parentPath, file.name)
    const text = fs.readFileSync(where, 'utf8')
    for (const value of values) {
      if (where.includes(value)) found.push(`file ${path.relative(cloud.dataDir, where)}`)
      for (const line of text.split('\n').filter((l) => l.includes(value))) found.push(`${file.name}: ${value} in ${line.slice(0, 300)}`)
    }
  }
  return found
}

test('after 注销 nothing in the data folder or storage holds the person\'s openid, name or phone', async () => {
  const who = { openid: 'erase-me-openid', name: '钮祜禄', phone: '13957508888' }
  const life = await liveALife(who)
  const files = storedFiles(uploadFolderOf(who.openid))
  expect(files.sort()).toEqual(['aed.jpg', 'done.jpg', 'lock.jpg', 'me.jpg'])
  const hoursBefore = ledgerHours()
  // 我的数据 shows it all to them first (PIPL 第四十五条), and the sealed ID only masked.
  const mine = unwrap(await cloud.call<MyData>('user', who.openid, { action: 'myData' }))
  const shown = JSON.stringify(mine)
  for (const value of [who.name, who.phone, '大渡新村8幢', 'ZJKQ-2026-00999', '帮忙修理门锁', '陪老人去医院复查']) expect(shown).toContain(value)
  expect(shown).not.toMatch(/idCipher|idHash|330602198001011\d{2}/)
  expect(mine.sections.filter((s) => s.items.length === 0).map((s) => s.title)).toEqual(['待发送的消息', '消息订阅', '学习记录', '我作为工作人员的操作记录', '我管理的社区', '工作人员邀请'])
  expect(traces([who.openid, who.name, who.phone]).length).toBeGreaterThan(0)
  expect(await cloud.call('user', 'demo-staff', { action: 'deleteAccount', confirm: true })).toMatchObject({ ok: false, code: 'CONFLICT' })

  unwrap(await cloud.call('user', who.openid, { action: 'deleteAccount', confirm: true }))
  // While the tombstone stands every other call of theirs is refused; 注销 itself may be retried.
  expect(await cloud.call('wish', who.openid, { action: 'mine' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(unwrap(await cloud.call('user', who.openid, { action: 'deleteAccount', confirm: true }))).toEqual({ deleted: true })
  // The claimed wish is open again at once and its owner told; the held seat is given back.
  expect(cloud.store.find('wishes', { _id: life.held._id })[0]).toMatchObject({ status: 'open', claimerOpenid: null })
  expect(cloud.docs('inbox').some((m) => m.openid === 'demo-resident' && String(m.body).includes('认领的志愿者已注销账号'))).toBe(true)
  expect(cloud.store.find('activities', { _id: life.upcoming._id })[0]).toMatchObject({ placesLeft: 3 })
  // The 志愿服务证明 is revoked; the hours served stay for the statistics, anonymous.
  expect(unwrap(await cloud.call('volunteer', 'demo-resident', { action: 'verifyCertificate', code: life.certificate.code }))).toEqual({ genuine: false })
  expect(ledgerHours()).toBe(hoursBefore)
  expect(cloud.docs('hoursLedger').filter((e) => e.openid === 'erased').length).toBeGreaterThanOrEqual(2)
  expect(cloud.docs('signups').filter((s) => s.openid === 'erased')).toEqual([expect.objectContaining({ status: 'passed', name: '', phone: '' })])

  await finalSweep(who.openid)
  expect(cloud.store.find('users', { _id: who.openid })).toEqual([])
  expect(traces([who.openid, who.name, who.phone, uploadFolderOf(who.openid)])).toEqual([])
  expect(storedFiles(uploadFolderOf(who.openid))).toEqual([])
})

describe('注销 racing the same person\'s calls', () => {
  const RACERS = 3
  const ROUNDS = 10
  const wishBy = (openid: string, title: string, contactPhone = '13957506666') =>
    cloud.call<{ _id: string }>('wish', openid, { action: 'create', title, content: '想请志愿者帮忙看一下家里的水管。', category: '生活帮扶', communityId: 'dadu', contactPhone })
  const cases: Array<[string, (openid: string, name: string, round: number) => Promise<() => Promise<{ ok: boolean; code?: string }>>]> = [
    ['wish.create', async (openid) => () => wishBy(openid, '帮忙修水管')],
    ['wish.claim', async (openid, name, round) => {
      unwrap(await cloud.call('volunteer', openid, { action: 'register', name, phone: '13957506666', communityId: 'dadu', skills: ['维修'], availability: ['sat-am'], birthYear: 1975 }))
      const open = await Promise.all(Array.from({ length: RACERS }, (_unused, i) => wishBy(`host-${round}-${i}`, `帮忙换灯泡${i}`, '13857500002').then(unwrap)))
      let next = 0
      return () => cloud.call('wish', openid, { action: 'claim', wishId: open[next++ % RACERS]._id })
    }],
    ['volunteer.register', async (openid, name) => () => cloud.call('volunteer', openid, { action: 'register', name, phone: '13957506666', communityId: 'dadu', skills: ['维修'], availability: ['sat-am'], birthYear: 1975 })],
    ['member.apply', async (openid, name, round) => {
      const first17 = `3306021985050${String(round).padStart(2, '0')}${round % 10}`
      return () => cloud.call('member', openid, { action: 'apply', name, idNumber: first17.slice(0, 17) + checkCharacter(first17.slice(0, 17)), phone: '13957506666', communityId: 'dadu', address: '大渡新村3幢', consent: true, idConsent: true })
    }],
  ]

  test.each(cases)(`%s ×${RACERS} beside 注销, ${ROUNDS} rounds: nothing of theirs is left, no INTERNAL`, async (label, prepare) => {
    const everyone: string[] = []
    const answers: Array<{ ok: boolean; code?: string }> = []
    for (let round = 0; round < ROUNDS; round += 1) {
      const openid = `race-${label.replace('.', '-')}-${round}`
      const name = `竞速${'甲乙丙丁戊己庚辛壬癸'[round]}${label.length}`
      everyone.push(openid, name)
      unwrap(await cloud.call('user', openid, { action: 'updateProfile', displayName: name, homeCommunityId: 'dadu' }))
      const racer = await prepare(openid, name, round)
      const results = await Promise.all([...Array.from({ length: RACERS }, () => racer()), cloud.call('user', openid, { action: 'deleteAccount', confirm: true })])
      answers.push(...results)
      expect(results[RACERS]).toMatchObject({ ok: true })
    }
    expect(answers.filter((a) => !a.ok && a.code === 'INTERNAL')).toEqual([])
    await finalSweep(...everyone.filter((_v, i) => i % 2 === 0))
    expect(traces([...everyone, '13957506666'])).toEqual([])
  })
})
