import dayjs from 'dayjs'
import type { ActivityView } from '@/domain/activity/contract'
import type { AedDetail } from '@/domain/aed/contract'
import { todayInChina } from '@/domain/dates'
import { NOTIFY_KINDS } from '@/domain/notify/kinds'
import type { VolunteerProfile } from '@/domain/volunteer/contract'
import type { WishDetail } from '@/domain/wish/contract'
import { wxServerSdk } from '../localcloud/backend/install'
import { functionNames, FUNCTIONS_SOURCE_DIR } from '../localcloud/function-host'
import { startTestCloud, unwrap, type TestCloud } from '../localcloud/testing'
import { ownedId } from './_kit/ids'
import { uploadFolderOf } from './_kit/uploads'

/**
 * What a person waits through (issue 25): every user-facing action makes at most 8 database
 * requests, at most 4 of them one after another (independent requests go side by side; work that
 * can wait goes to the outbox or the scheduler). Counted by the store per invocation
 * (`cloud.usage.invocations()`), not timed. Each row is a scripted call on seeded data along the
 * action's costliest ordinary path (a claim that reveals the contact and tells an owner holding a
 * grant, a confirmation that notifies, ...). The list of actions is read from the functions' own
 * tables, so a new action without a row fails the first test.
 */
const TARGET = { requests: 8, roundTrips: 4 }

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
}, 30_000)
afterAll(() => cloud.stop())

type Call = { fn: string; caller: string; event: Record<string, unknown> }
/** A stated higher bound, with why this action may exceed the target. */
type Bound = { requests: number; roundTrips: number; why: string }
type Row =
  /** Sets up what the action needs and says how to call it (the measured call is the last one). */
  | { prepare: () => Promise<Call>; bound?: Bound }
  /** Not called by a person (a timer, a platform push): nobody waits on it. */
  | { exempt: string }
  /** Not scripted here yet: listed as a todo in the run, so the gap stays visible. */
  | { todo: true }

type Table = Record<string, { audience: unknown }>
function tableOf(fn: string): Table | undefined {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { main } = require(`${FUNCTIONS_SOURCE_DIR}/${fn}/index.ts`) as { main: { table?: Table } }
  return main.table
}
/** Every action of every function; a function without an action table is one entry of its own. */
const ALL = functionNames().flatMap((fn) => {
  const table = tableOf(fn)
  return table ? Object.keys(table).map((action) => `${fn}.${action}`) : [fn]
})

const call = async <T = unknown>(fn: string, caller: string, event: Record<string, unknown>): Promise<T> => unwrap(await cloud.call<T>(fn, caller, event))
let serial = 0
const next = () => ++serial
const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString()
const inDays = (days: number) => dayjs(todayInChina()).add(days, 'day').format('YYYY-MM-DD')

/** A fresh active volunteer of 大渡 (their user record and volunteer profile). */
function volunteer(): string {
  const openid = `rt-volunteer-${next()}`
  const now = new Date()
  cloud.store.insert('users', [{ _id: openid, displayName: `志愿者${serial}`, roles: ['volunteer'], homeCommunityId: 'dadu', staffCommunityIds: [], createdAt: now }])
  cloud.store.insert('volunteers', [{ _id: ownedId('vo', openid), openid, status: 'active', name: `王小${serial}`, phone: '13800000000', communityId: 'dadu', skills: ['维修'], availability: [], intro: '', hours: 0, points: 0, rejectReason: null, registeredAt: now }])
  return openid
}
/** A resident who has opened the app before and holds `count` grants of a kind's template (the costliest way to be told). */
async function resident(kind: keyof typeof NOTIFY_KINDS = 'wish_update'): Promise<string> {
  const openid = `rt-resident-${next()}`
  await call('user', openid, { action: 'me' })
  const templateId = NOTIFY_KINDS[kind].templateId
  cloud.grantSubscriptions(openid, [templateId])
  await call('notify', openid, { action: 'subscribed', results: { [templateId]: 'accept' } })
  return openid
}
async function upload(openid: string, name: string): Promise<string> {
  const sdk = wxServerSdk() as { uploadFile(p: object): Promise<{ fileID: string }> }
  return (await sdk.uploadFile({ cloudPath: `${uploadFolderOf(openid)}/wishes/${name}`, fileContent: Buffer.from('jpeg') })).fileID
}

const wishInput = { title: '帮忙换楼道灯泡', content: '3幢2单元楼道的灯坏了一个星期，晚上下楼很不方便，希望有人帮忙换一下。', category: '生活帮扶', communityId: 'dadu', contactPhone: '13957500088' }
/** An open wish of a resident holding a grant, optionally claimed by a fresh volunteer, and fulfilled. */
async function wishIn(state: 'open' | 'claimed' | 'fulfilled'): Promise<{ wishId: string; owner: string; claimer: string }> {
  const owner = await resident()
  const { _id: wishId } = await call<WishDetail>('wish', owner, { action: 'create', ...wishInput })
  const claimer = volunteer()
  if (state === 'open') return { wishId, owner, claimer }
  await call('wish', claimer, { action: 'claim', wishId })
  if (state === 'fulfilled') await call('wish', claimer, { action: 'fulfil', wishId, note: '灯泡已经换好了', photos: [], minutes: 30 })
  return { wishId, owner, claimer }
}

const SITE = { latitude: 30.0656, longitude: 120.5068, address: '大渡社区博爱家园' }
async function activity(startsIn = 20): Promise<string> {
  const created = await call<ActivityView>('activity', 'demo-staff', {
    action: 'create', title: '社区义诊志愿服务', type: 'clinic', description: '协助医生为老人量血压、测血糖，维持现场秩序。', communityId: 'dadu', location: SITE,
    startAt: inMinutes(startsIn), endAt: inMinutes(startsIn + 120), signupDeadline: inMinutes(startsIn - 10), capacity: 20, hours: 2,
  })
  return created._id
}
/** A fresh volunteer signed up for a new activity (checked in too, when asked). */
async function signedUp(checkedIn = false): Promise<{ activityId: string; openid: string }> {
  const activityId = await activity()
  const openid = volunteer()
  await call('activity', openid, { action: 'signup', activityId })
  if (checkedIn) await call('activity', openid, { action: 'checkIn', activityId, ...SITE })
  return { activityId, openid }
}

const registration = () => ({ action: 'register', name: '周敏', phone: '13857500009', birthYear: 1980, skills: ['陪伴聊天'], availability: ['sat-am'] })
const aedInput = () => ({ name: `测试AED${next()}`, communityId: 'dadu', latitude: 30.5 + serial / 1000, longitude: 121.2, address: '绍兴市柯桥区测试路', placement: 'outdoor', hours: { always: true }, padsExpiry: inDays(400), batteryExpiry: inDays(800) })

const ROWS: Record<string, Row> = {
  // 心愿墙
  'wish.create': { prepare: async () => ({ fn: 'wish', caller: await resident(), event: { action: 'create', ...wishInput } }) },
  'wish.list': { prepare: async () => ({ fn: 'wish', caller: 'demo-resident', event: { action: 'list', communityId: 'dadu', page: 1, pageSize: 20 } }) },
  'wish.get': { prepare: async () => { const { wishId, claimer } = await wishIn('claimed'); return { fn: 'wish', caller: claimer, event: { action: 'get', wishId } } } },
  'wish.claim': { prepare: async () => { const { wishId, claimer } = await wishIn('open'); return { fn: 'wish', caller: claimer, event: { action: 'claim', wishId } } } },
  'wish.release': { prepare: async () => { const { wishId, claimer } = await wishIn('claimed'); return { fn: 'wish', caller: claimer, event: { action: 'release', wishId, reason: '临时有事去不了' } } } },
  'wish.fulfil': {
    async prepare() {
      const { wishId, claimer } = await wishIn('claimed')
      return { fn: 'wish', caller: claimer, event: { action: 'fulfil', wishId, note: '灯泡已经换好了', photos: [await upload(claimer, `done-${next()}.jpg`)], minutes: 30 } }
    },
  },
  'wish.confirm': { prepare: async () => { const { wishId, owner } = await wishIn('fulfilled'); return { fn: 'wish', caller: owner, event: { action: 'confirm', wishId, thanks: '谢谢小伙子，灯很亮' } } } },
  'wish.reopen': { prepare: async () => { const { wishId, owner } = await wishIn('fulfilled'); return { fn: 'wish', caller: owner, event: { action: 'reopen', wishId, note: '灯还是不亮' } } } },
  'wish.edit': { prepare: async () => { const { wishId, owner } = await wishIn('open'); return { fn: 'wish', caller: owner, event: { action: 'edit', wishId, ...wishInput, title: '帮忙换楼道里的灯泡' } } } },
  'wish.cancel': { prepare: async () => { const { wishId, owner } = await wishIn('claimed'); return { fn: 'wish', caller: owner, event: { action: 'cancel', wishId, reason: '已经自己修好了' } } } },
  'wish.mine': { prepare: async () => { const { owner } = await wishIn('open'); return { fn: 'wish', caller: owner, event: { action: 'mine', page: 1, pageSize: 20 } } } },
  'wish.claimed': { prepare: async () => { const { claimer } = await wishIn('claimed'); return { fn: 'wish', caller: claimer, event: { action: 'claimed', page: 1, pageSize: 20 } } } },
  'wish.review': { todo: true },
  'wish.takeDown': { todo: true },
  'wish.reviewQueue': { todo: true },
  'wish.hoursQueue': { todo: true },
  'wish.approveHours': { todo: true },

  // 志愿活动
  'activity.list': { prepare: async () => ({ fn: 'activity', caller: 'demo-volunteer', event: { action: 'list', communityId: 'dadu', page: 1, pageSize: 20 } }) },
  'activity.get': { prepare: async () => { const { activityId, openid } = await signedUp(); return { fn: 'activity', caller: openid, event: { action: 'get', activityId } } } },
  'activity.signup': { prepare: async () => ({ fn: 'activity', caller: volunteer(), event: { action: 'signup', activityId: await activity() } }) },
  'activity.cancelSignup': { prepare: async () => { const { activityId, openid } = await signedUp(); return { fn: 'activity', caller: openid, event: { action: 'cancelSignup', activityId } } } },
  'activity.checkIn': { prepare: async () => { const { activityId, openid } = await signedUp(); return { fn: 'activity', caller: openid, event: { action: 'checkIn', activityId, ...SITE } } } },
  'activity.checkOut': { prepare: async () => { const { activityId, openid } = await signedUp(true); return { fn: 'activity', caller: openid, event: { action: 'checkOut', activityId, ...SITE } } } },
  'activity.mine': { prepare: async () => { const { openid } = await signedUp(); return { fn: 'activity', caller: openid, event: { action: 'mine', page: 1, pageSize: 20 } } } },
  'activity.requestMakeup': { todo: true },
  'activity.create': { todo: true },
  'activity.update': { todo: true },
  'activity.cancel': { todo: true },
  'activity.code': { todo: true },
  'activity.attendance': { todo: true },
  'activity.confirmAttendance': { todo: true },
  'activity.reviewMakeup': { todo: true },

  // 志愿者
  'volunteer.register': { prepare: async () => ({ fn: 'volunteer', caller: `rt-joiner-${next()}`, event: { ...registration(), communityId: 'dadu' } }) },
  'volunteer.review': {
    async prepare() {
      const profile = await call<VolunteerProfile>('volunteer', await resident('volunteer_review'), { ...registration(), communityId: 'gangyue' })
      return { fn: 'volunteer', caller: 'demo-staff', event: { action: 'review', volunteerId: profile._id, decision: 'approve' } }
    },
    bound: { requests: 9, roundTrips: 4, why: 'a staff decision: its audit entry is a ninth write beside the role, the message and the community name' },
  },
  'volunteer.mine': { prepare: async () => ({ fn: 'volunteer', caller: 'demo-volunteer', event: { action: 'mine' } }) },
  'volunteer.update': { prepare: async () => ({ fn: 'volunteer', caller: volunteer(), event: { action: 'update', phone: '13857500010', skills: ['维修'], availability: ['sun-pm'], intro: '' } }) },
  'volunteer.ledger': { prepare: async () => ({ fn: 'volunteer', caller: 'demo-volunteer', event: { action: 'ledger' } }) },
  'volunteer.honourBoard': { prepare: async () => ({ fn: 'volunteer', caller: 'demo-resident', event: { action: 'honourBoard', communityId: 'dadu', period: 'month' } }) },
  'volunteer.myCertificates': { prepare: async () => ({ fn: 'volunteer', caller: 'demo-volunteer', event: { action: 'myCertificates' } }) },
  'volunteer.list': { todo: true },
  'volunteer.join': { todo: true },
  'volunteer.correctHours': { todo: true },
  'volunteer.requestCertificate': { todo: true },
  'volunteer.certificateQueue': { todo: true },
  'volunteer.issueCertificate': { todo: true },
  'volunteer.verifyCertificate': { todo: true },
  'volunteer.setCertificateIssuer': { todo: true },
  'volunteer.certificateIssuer': { todo: true },

  // 急救课程
  'lesson.list': { prepare: async () => ({ fn: 'lesson', caller: 'demo-resident', event: { action: 'list' } }) },
  'lesson.get': { prepare: async () => ({ fn: 'lesson', caller: 'demo-resident', event: { action: 'get', lessonId: 'cpr-adult' } }) },
  'lesson.progress': { prepare: async () => ({ fn: 'lesson', caller: `rt-learner-${next()}`, event: { action: 'progress', lessonId: 'cpr-adult', section: 2 } }) },
  // A first pass: the progress is created, the pass counted for the person's community.
  'lesson.submitQuiz': {
    async prepare() {
      const quiz = cloud.store.find('lessons', { _id: 'heatstroke' })[0].quiz as Array<{ id: string; answer: unknown }>
      return { fn: 'lesson', caller: `rt-learner-${next()}`, event: { action: 'submitQuiz', lessonId: 'heatstroke', answers: Object.fromEntries(quiz.map((q) => [q.id, q.answer])) } }
    },
  },
  'lesson.save': { todo: true },
  'lesson.full': { todo: true },
  'lesson.importLibrary': { todo: true },
  'lesson.versions': { todo: true },
  'lesson.restore': { todo: true },
  'lesson.drafts': { todo: true },
  'lesson.draft': { todo: true },
  'lesson.approve': { todo: true },
  'lesson.decline': { todo: true },
  'lesson.updates': { todo: true },
  'lesson.applyUpdate': { todo: true },

  // AED
  'aed.nearby': { prepare: async () => ({ fn: 'aed', caller: 'demo-resident', event: { action: 'nearby', latitude: 30.0656, longitude: 120.5068 } }) },
  'aed.get': { prepare: async () => ({ fn: 'aed', caller: 'demo-resident', event: { action: 'get', aedId: (await call<AedDetail>('aed', 'demo-staff', { action: 'save', ...aedInput() }))._id } }) },
  'aed.report': {
    prepare: async () => ({ fn: 'aed', caller: 'demo-member', event: { action: 'report', aedId: (await call<AedDetail>('aed', 'demo-staff', { action: 'save', ...aedInput() }))._id, kind: 'fault', note: '按了开关没反应' } }),
    bound: { requests: 24, roundTrips: 6, why: 'over target, not yet moved: a fault that takes the AED out of service tells its keepers, guardian and staff in the same call (to go to the outbox)' },
  },
  'aed.suggest': { prepare: async () => ({ fn: 'aed', caller: `rt-resident-${next()}`, event: { action: 'suggest', name: '新开的药店', latitude: 30.0661, longitude: 120.5071, address: '大渡路88号药店', landmark: '收银台后面', note: '收银台后面挂着' } }) },
  'aed.inspect': { todo: true },
  'aed.resolveReport': { todo: true },
  'aed.dismissReport': { todo: true },
  'aed.manageList': { todo: true },
  'aed.save': { todo: true },
  'aed.verify': { todo: true },
  'aed.reports': { todo: true },
  'aed.unconfirmedReports': { todo: true },
  'aed.dismissUnconfirmed': { todo: true },
  'aed.inspectionCycles': { todo: true },
  'aed.setInspectionCycle': { todo: true },

  // 消息
  'notify.inbox': { prepare: async () => { const { owner } = await wishIn('claimed'); return { fn: 'notify', caller: owner, event: { action: 'inbox', page: 1, pageSize: 20 } } } },
  'notify.unread': { prepare: async () => { const { owner } = await wishIn('claimed'); return { fn: 'notify', caller: owner, event: { action: 'unread' } } } },
  'notify.markAllRead': { prepare: async () => { const { owner } = await wishIn('claimed'); return { fn: 'notify', caller: owner, event: { action: 'markAllRead' } } } },
  'notify.markRead': {
    async prepare() {
      const { owner } = await wishIn('claimed')
      const ids = cloud.docs('inbox').filter((m) => m.openid === owner).map((m) => m._id)
      return { fn: 'notify', caller: owner, event: { action: 'markRead', messageIds: ids } }
    },
  },
  'notify.subscribed': { prepare: async () => ({ fn: 'notify', caller: await resident(), event: { action: 'subscribed', results: { [NOTIFY_KINDS.wish_update.templateId]: 'accept' } } }) },
  'notify.templates': { prepare: async () => ({ fn: 'notify', caller: 'demo-resident', event: { action: 'templates' } }) },
  'notify.settings': { prepare: async () => ({ fn: 'notify', caller: await resident(), event: { action: 'settings' } }) },
  'notify.setKind': { prepare: async () => ({ fn: 'notify', caller: await resident(), event: { action: 'setKind', kind: 'wish_update', on: false } }) },
  'notify.setup': { todo: true },

  // 我的
  'user.me': { prepare: async () => ({ fn: 'user', caller: 'demo-volunteer', event: { action: 'me' } }) },
  'user.communities': { prepare: async () => ({ fn: 'user', caller: 'demo-resident', event: { action: 'communities' } }) },
  'user.updateProfile': { prepare: async () => ({ fn: 'user', caller: await resident(), event: { action: 'updateProfile', displayName: '王阿姨', homeCommunityId: 'dadu' } }) },
  'user.myData': { todo: true },
  'user.deleteAccount': { todo: true },

  // 社区
  'community.home': { prepare: async () => ({ fn: 'community', caller: 'demo-resident', event: { action: 'home', communityId: 'dadu' } }) },
  'community.get': { todo: true },
  'community.dashboard': { todo: true },
  'community.update': { todo: true },
  'community.invite': { todo: true },
  'community.join': { todo: true },
  'community.staff': { todo: true },
  'community.removeStaff': { todo: true },
  'community.audit': { todo: true },

  // 培训
  'training.sessions': { prepare: async () => ({ fn: 'training', caller: 'demo-resident', event: { action: 'sessions', communityId: 'dadu' } }) },
  'training.signup': { prepare: async () => ({ fn: 'training', caller: `rt-trainee-${next()}`, event: { action: 'signup', sessionId: 'training-yulan-popular', name: '陈小红', phone: '13957500001' } }) },
  'training.certificates': { prepare: async () => ({ fn: 'training', caller: 'demo-volunteer', event: { action: 'certificates' } }) },
  'training.cancelSignup': { todo: true },
  'training.create': { todo: true },
  'training.roster': { todo: true },
  'training.record': { todo: true },
  'training.recordCertificate': { todo: true },
  'training.manageSessions': { todo: true },

  // 互助金 (public reads) and the rest not scripted yet
  'fund.summary': { prepare: async () => ({ fn: 'fund', caller: 'demo-resident', event: { action: 'summary', communityId: 'dadu' } }) },
  'fund.entries': { prepare: async () => ({ fn: 'fund', caller: 'demo-resident', event: { action: 'entries', communityId: 'dadu', page: 1, pageSize: 20 } }) },
  'fund.projects': { prepare: async () => ({ fn: 'fund', caller: 'demo-resident', event: { action: 'projects', communityId: 'dadu' } }) },
  'fund.record': { todo: true },
  'fund.reverse': { todo: true },
  'fund.verify': { todo: true },
  'fund.chain': { todo: true },
  'fund.apply': { todo: true },
  'fund.review': { todo: true },
  'fund.pay': { todo: true },
  'fund.aid': { todo: true },
  'fund.myAid': { todo: true },
  'fund.aidQueue': { todo: true },
  'fund.saveProject': { todo: true },
  'fund.issueReceipt': { todo: true },
  'fund.verifyReceipt': { todo: true },
  'fund.export': { todo: true },

  'stats.community': { prepare: async () => ({ fn: 'stats', caller: 'demo-resident', event: { action: 'community', communityId: 'dadu', year: Number(todayInChina().slice(0, 4)) } }) },
  'stats.district': { todo: true },
  'stats.setTargets': { todo: true },
  'stats.export': { todo: true },

  'member.mine': { prepare: async () => ({ fn: 'member', caller: 'demo-member', event: { action: 'mine' } }) },
  'member.apply': { todo: true },
  'member.review': { todo: true },
  'member.list': { todo: true },
  'member.get': { todo: true },
  'member.leave': { todo: true },
  'member.requestCorrection': { todo: true },
  'member.resolveCorrection': { todo: true },
  'member.filing': { todo: true },
  'member.filingExport': { todo: true },
  'member.recordDues': { todo: true },
  'member.setStudent': { todo: true },
  'member.setDues': { todo: true },

  'rescue.me': { prepare: async () => ({ fn: 'rescue', caller: 'demo-volunteer', event: { action: 'me' } }) },
  'rescue.pending': { prepare: async () => ({ fn: 'rescue', caller: 'demo-volunteer', event: { action: 'pending' } }) },
  'rescue.verifyMedic': { todo: true },
  'rescue.enrol': { todo: true },
  'rescue.duty': { todo: true },
  'rescue.leave': { todo: true },
  'rescue.raise': { todo: true },
  'rescue.get': { todo: true },
  'rescue.respond': { todo: true },
  'rescue.progress': { todo: true },
  'rescue.close': { todo: true },
  'rescue.debrief': { todo: true },
  'rescue.list': { todo: true },

  'import.template': { todo: true },
  'import.preview': { todo: true },
  'import.commit': { todo: true },
  'import.undo': { todo: true },
  'import.list': { todo: true },
  'import.matches': { todo: true },
  'import.confirmMatch': { todo: true },

  'photo.queue': { todo: true },
  'photo.decide': { todo: true },

  mediaCheck: { exempt: 'WeChat pushes media-check verdicts to it; no person waits on it' },
  scheduler: { exempt: 'timer trigger; its cost is the idle day (scripts/community-day.ts)' },
}

test('every action of every function has a row', () => {
  expect(ALL.length).toBeGreaterThan(150)
  expect(ALL.filter((what) => !ROWS[what])).toEqual([])
  expect(Object.keys(ROWS).filter((what) => !ALL.includes(what))).toEqual([])
})

const measured = Object.entries(ROWS).flatMap(([what, row]) => ('prepare' in row ? [[what, row] as const] : []))
const todo = Object.entries(ROWS).filter(([, row]) => 'todo' in row).map(([what]) => what)

describe.each(measured)('%s', (what, row) => {
  test(row.bound ? `within its stated bound: ${row.bound.why}` : `≤ ${TARGET.requests} requests, ≤ ${TARGET.roundTrips} round trips`, async () => {
    const { fn, caller, event } = await row.prepare()
    expect(`${fn}.${String(event.action)}`).toBe(what)
    unwrap(await cloud.call(fn, caller, event))
    const last = cloud.usage.invocations().at(-1)
    expect(last).toMatchObject({ functionName: fn, action: event.action })
    const { requests, roundTrips } = last!
    const bound = row.bound ?? TARGET
    expect({ what, requests, roundTrips }).toEqual({ what, requests: Math.min(requests, bound.requests), roundTrips: Math.min(roundTrips, bound.roundTrips) })
  })
})

todo.forEach((what) => test.todo(`${what}: not scripted yet`))
