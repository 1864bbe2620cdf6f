import dayjs from 'dayjs'
import type { ActivityView } from '@/domain/activity/contract'
import type { AedDetail, AedReport } from '@/domain/aed/contract'
import { todayInChina } from '@/domain/dates'
import type { LessonVersion } from '@/domain/firstaid/lessons'
import type { AidRequest, FundEntry, FundProject } from '@/domain/fund/contract'
import type { ApplicationView } from '@/domain/member/contract'
import type { CertificateRequestView } from '@/domain/volunteer/contract'
import { COLUMNS } from '@/domain/import/kinds'
import type { ImportMatch, PreviewAnswer } from '@/domain/import/contract'
import { wxServerSdk } from '../../localcloud/backend/install'
import { functionNames, FUNCTIONS_SOURCE_DIR } from '../../localcloud/function-host'
import { startTestCloud, unwrap, type TestCloud } from '../../localcloud/testing'
import { LESSON_LIBRARY } from '../lesson/library'
import { signupId } from '../training/store'
import type { Action } from './define-function'
import { ownedId } from './ids'
import { uploadFolderOf } from './uploads'

/**
 * The audit trail (issue 24): every staff action of every function leaves exactly one entry, also
 * when it is retried, and a retry after a call that stopped before its entry fills it in once.
 * The list of staff actions is not typed here: it is read from the functions' own action tables,
 * so a new staff action without an audit declaration, or one whose entry is not tried below,
 * fails the first tests.
 */
let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
}, 30_000)
afterAll(() => cloud.stop())

type Table = Record<string, Action<unknown, unknown>>
function tableOf(fn: string): Table {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { main } = require(`${FUNCTIONS_SOURCE_DIR}/${fn}/index.ts`) as { main: { table?: Table } }
  return main.table ?? {}
}
const ALL = functionNames().flatMap((fn) => Object.entries(tableOf(fn)).map(([action, def]) => ({ fn, action, def })))
const STAFF_ROLES = ['staff', 'editor', 'district']
/** Staff actions: those only staff, editors or the district may call (plus any other action that records itself). */
const STAFF = ALL.filter(({ def }) => (def.audience !== 'anyone' && def.audience.some((role) => STAFF_ROLES.includes(role))) || def.audit !== undefined)
const AUDITED = STAFF.filter(({ def }) => typeof def.audit === 'function').map(({ fn, action }) => `${fn}.${action}`)

type Entry = { _id: string; fn: string; action: string; scope: string; communityId: string | null; target: string; summary: string; actorOpenid: string; actorName: string; at: Date }
const entriesOf = (what: string) => (cloud.docs('auditLog') as Entry[]).filter((e) => `${e.fn}.${e.action}` === what)

/** One staff call: who makes it, and the event (the same event again is the retry). */
type Call = { fn: string; caller: string; event: Record<string, unknown> }
type Scenario = {
  /** Sets up what the action needs and says how to call it. */
  prepare(): Promise<Call>
  /**
   * What a second identical call is: the same action (`retry`, the default: no second entry), or a
   * new one the action itself makes anew each time (`new`: a second opening of an ID number, a second
   * object created by an action without a retry key) — then exactly one more entry.
   */
  again?: 'retry' | 'new'
  /** The community the entry belongs to (`library` for lessons, `district:…` for district actions). */
  scope: string
}

const call = async <T = unknown>(fn: string, caller: string, event: Record<string, unknown>): Promise<T> => unwrap(await cloud.call<T>(fn, caller, event))
const today = () => todayInChina()
const inDays = (days: number) => dayjs(today()).add(days, 'day').format('YYYY-MM-DD')
const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString()
let serial = 0
const next = () => ++serial
const rid = () => `audit-req-${Date.now().toString(36)}-${next()}`

/** A valid 18-digit resident ID (GB 11643 checksum), different each time so applications never collide. */
function idNumber(): string {
  const body = `33060219800101${String(100 + next()).slice(-3)}`
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = body.split('').reduce((total, digit, i) => total + Number(digit) * weights[i], 0)
  return `${body}${'10X98765432'[sum % 11]}`
}

/** A resident applies to `communityId`; answers the application id. */
async function application(communityId = 'yulan'): Promise<string> {
  const openid = `audit-applicant-${next()}`
  const applied = await call<ApplicationView>('member', openid, { action: 'apply', name: '王秀英', idNumber: idNumber(), phone: '13957509999', communityId, address: '柯桥街道玉兰花园3幢', consent: true, idConsent: true })
  return applied._id
}
async function member(): Promise<{ applicationId: string; openid: string }> {
  const applicationId = await application()
  await call('member', 'demo-staff', { action: 'review', applicationId, decision: 'approve' })
  const openid = cloud.store.find('applications', { _id: applicationId })[0].openid as string
  return { applicationId, openid }
}

/** A one-volunteer spreadsheet uploaded by demo-staff and previewed for the community: its import id (or the volunteer's phone). */
async function volunteerImport(communityId: string, phoneOnly = false): Promise<string> {
  const phone = `139${String(10_000_000 + next()).slice(-8)}`
  const cells: Record<string, string> = { name: '吴五', phone, skills: '维修', hours: '12', hoursFrom: '2024-01-01', hoursTo: '2025-12-31' }
  const csv = [COLUMNS.volunteers.map((c) => c.title).join(','), COLUMNS.volunteers.map((c) => cells[c.key] ?? '').join(',')].join('\r\n')
  const sdk = wxServerSdk() as { uploadFile(p: object): Promise<{ fileID: string }> }
  const { fileID } = await sdk.uploadFile({ cloudPath: `${uploadFolderOf('demo-staff')}/imports/audit-${next()}.csv`, fileContent: Buffer.from(csv, 'utf8') })
  const preview = await call<PreviewAnswer>('import', 'demo-staff', { action: 'preview', kind: 'volunteers', communityId, fileID, fileName: '志愿者.csv' })
  if (!phoneOnly) return preview.importId
  await call('import', 'demo-staff', { action: 'commit', importId: preview.importId })
  return phone
}

/** A community of its own with an empty ledger, served by demo-staff and demo-staff-2. */
function community(): string {
  const id = `audit-c${next()}`
  cloud.store.insert('communities', [{ _id: id, name: `审计社区${serial}`, code: `A${serial}`, district: '绍兴市柯桥区', edition: '1.0', location: { latitude: 30.07, longitude: 120.49 }, volunteerApprovalRequired: true }])
  cloud.store.update('users', { _id: { $in: ['demo-staff', 'demo-staff-2'] } }, { $push: { staffCommunityIds: id } })
  // 张敏 administers it (reads its trail); 刘建国 is staff there.
  cloud.store.update('users', { _id: 'demo-staff' }, { $push: { adminCommunityIds: id } })
  return id
}
const income = (communityId: string, amountFen = 50_000) =>
  call<FundEntry>('fund', 'demo-staff', { action: 'record', communityId, kind: 'income', amountFen, date: today(), category: '个人捐赠', party: '周大福', channel: '银行转账', reference: 'YH-001', requestId: rid() })
async function aidRequest(amountFen = 1000): Promise<{ communityId: string; aidId: string }> {
  const communityId = community()
  await income(communityId)
  const request = await call<AidRequest>('fund', `audit-aid-${next()}`, { action: 'apply', communityId, name: '李桂花', phone: '13957512345', category: '大病', amountFen, reason: '老伴住院做手术，医保报销后自付部分家里实在负担不起。' })
  return { communityId, aidId: request._id }
}
const project = (communityId: string, projectId: string | null = null) => ({
  action: 'saveProject', projectId, communityId, title: '红十字助学', story: '为社区困难家庭的孩子筹集学习用品和学费。', targetFen: 3_000_000, startDate: '2026-09-01', endDate: '2026-12-31',
  platform: { name: '腾讯公益', url: 'https://gongyi.qq.com/' },
})

const SITE = { latitude: 30.0656, longitude: 120.5068, address: '大渡社区博爱家园' }
const activityInput = () => ({ title: '社区义诊志愿服务', type: 'clinic', description: '协助医生为老人量血压、测血糖，维持现场秩序。', communityId: 'dadu', location: SITE, startAt: inMinutes(20), endAt: inMinutes(140), signupDeadline: inMinutes(10), capacity: 20, hours: 2 })
/** A volunteer of 大渡 signed up to a new activity that ran from 3 h to 1 h ago. */
async function pastSignup(): Promise<{ activityId: string; openid: string }> {
  const activity = await call<ActivityView>('activity', 'demo-staff', { action: 'create', ...activityInput() })
  const openid = `audit-volunteer-${next()}`
  const now = new Date()
  cloud.store.insert('users', [{ _id: openid, displayName: `志愿者${serial}`, roles: ['volunteer'], homeCommunityId: 'dadu', staffCommunityIds: [], createdAt: now }])
  cloud.store.insert('volunteers', [{ _id: ownedId('vo', openid), openid, status: 'active', name: `王小${serial}`, phone: '13800000000', communityId: 'dadu', skills: ['维修'], availability: [], intro: '', hours: 0, points: 0, rejectReason: null, registeredAt: now }])
  await call('activity', openid, { action: 'signup', activityId: activity._id })
  const startAt = new Date(Date.now() - 180 * 60_000)
  const endAt = new Date(Date.now() - 60 * 60_000)
  cloud.store.update('activities', { _id: activity._id }, { $set: { startAt, endAt, signupDeadline: startAt } })
  cloud.store.update('activitySignups', { activityId: activity._id }, { $set: { startAt, endAt } })
  return { activityId: activity._id, openid }
}
async function makeupRequest(): Promise<string> {
  const { activityId, openid } = await pastSignup()
  const doc = cloud.store.find('activities', { _id: activityId })[0]
  await call('activity', openid, { action: 'requestMakeup', activityId, reason: '手机没电了，没能签到签退', arrivedAt: (doc.startAt as Date).toISOString(), leftAt: (doc.endAt as Date).toISOString() })
  return `${activityId}:${openid}`
}

const goodDates = () => ({ padsExpiry: inDays(400), batteryExpiry: inDays(800) })
const allFine = { statusLight: true, padsSealed: true, batteryOk: true, cabinetOpens: true, alarmWorks: true, paediatricPads: 'present' }
const aedInput = (name: string) => ({ name, communityId: 'dadu', latitude: 30.5 + next() / 1000, longitude: 121.2, address: `绍兴市柯桥区测试路${name}`, placement: 'outdoor', hours: { always: true }, ...goodDates() })
const newAed = async () => (await call<AedDetail>('aed', 'demo-staff', { action: 'save', ...aedInput(`审计AED${next()}`) }))._id
const aedReport = async () => (await call<AedReport>('aed', 'demo-member', { action: 'report', aedId: await newAed(), kind: 'fault', note: '按了开关没反应' }))._id

/** A training signup of a fresh resident for a new session of 大渡. */
async function trainingSignup(): Promise<string> {
  const session = await call<{ _id: string }>('training', 'demo-staff', { action: 'create', kind: 'rescuer', title: '救护员培训第12期', communityId: 'dadu', dates: [inDays(-1)], time: '09:00-16:30', place: '大渡社区博爱家园培训教室', capacity: 30 })
  const openid = `audit-trainee-${next()}`
  await call('training', openid, { action: 'signup', sessionId: session._id, name: '陈小红', phone: '13957500001' })
  return signupId(session._id, openid)
}

/** A wish of a fresh resident in 大渡, put straight into the state the action needs. */
function wish(fields: Record<string, unknown>): string {
  const _id = `audit-wish-${next()}`
  const now = new Date()
  cloud.store.insert('wishes', [{ _id, title: '帮忙修理门锁', content: '家里的门锁坏了，想请人帮忙修一下。', category: 'repair', communityId: 'dadu', communityName: '大渡社区', ownerOpenid: `audit-owner-${serial}`, ownerName: '王阿姨', contactPhone: '13957500002', images: [], status: 'open', claimerOpenid: null, claimerName: null, history: [], createdAt: now, updatedAt: now, ...fields }])
  return _id
}

const DISTRICT = 'district:绍兴市柯桥区'

const SCENARIOS: Record<string, Scenario> = {
  'member.review': { scope: 'yulan', prepare: async () => ({ fn: 'member', caller: 'demo-staff', event: { action: 'review', applicationId: await application(), decision: 'approve' } }) },
  'member.get': { scope: 'yulan', again: 'new', prepare: async () => ({ fn: 'member', caller: 'demo-staff', event: { action: 'get', applicationId: await application() } }) },
  'member.setStudent': { scope: 'yulan', prepare: async () => ({ fn: 'member', caller: 'demo-staff', event: { action: 'setStudent', applicationId: (await member()).applicationId, student: true } }) },
  'member.setDues': { scope: 'gangyue', prepare: async () => ({ fn: 'member', caller: 'demo-staff', event: { action: 'setDues', communityId: 'gangyue', adultFen: 800 + next(), youthFen: 300 } }) },
  'member.recordDues': { scope: 'yulan', prepare: async () => ({ fn: 'member', caller: 'demo-staff', event: { action: 'recordDues', applicationId: (await member()).applicationId, year: Number(today().slice(0, 4)), amountFen: 1000, receiptNo: `YL-${next()}` } }) },
  'member.resolveCorrection': {
    scope: 'yulan',
    async prepare() {
      const { applicationId, openid } = await member()
      const asked = await call<ApplicationView>('member', openid, { action: 'requestCorrection', field: 'phone', value: '13857500999' })
      return { fn: 'member', caller: 'demo-staff', event: { action: 'resolveCorrection', applicationId, key: asked.corrections[0].key, accept: true } }
    },
  },
  'member.filing': { scope: DISTRICT, prepare: async () => ({ fn: 'member', caller: 'demo-district', event: { action: 'filing', page: 1 } }) },
  'stats.setTargets': { scope: 'gangyue', again: 'retry', prepare: async () => ({ fn: 'stats', caller: 'demo-district', event: { action: 'setTargets', communityId: 'gangyue', year: 2026, targets: { rescuers: 900 + next() } } }) },
  'stats.export': { scope: DISTRICT, prepare: async () => ({ fn: 'stats', caller: 'demo-district', event: { action: 'export', year: 2026 } }) },
  'import.commit': { scope: 'audit-c', prepare: async () => ({ fn: 'import', caller: 'demo-staff', event: { action: 'commit', importId: await volunteerImport(community()) } }) },
  'import.undo': {
    scope: 'audit-c',
    async prepare() {
      const importId = await volunteerImport(community())
      await call('import', 'demo-staff', { action: 'commit', importId })
      return { fn: 'import', caller: 'demo-staff', event: { action: 'undo', importId } }
    },
  },
  'import.confirmMatch': {
    scope: 'audit-c',
    async prepare() {
      const communityId = community()
      const phone = await volunteerImport(communityId, true)
      await call('volunteer', `audit-joiner-${next()}`, { action: 'register', name: '吴五', phone, communityId, birthYear: 1970, skills: ['维修'], availability: ['sat-am'] })
      const [match] = (await call<{ items: ImportMatch[] }>('import', 'demo-staff', { action: 'matches', communityId })).items
      return { fn: 'import', caller: 'demo-staff', event: { action: 'confirmMatch', personId: match.personId, candidateId: match.candidateId } }
    },
  },
  'rescue.verifyMedic': { scope: 'dadu', prepare: async () => ({ fn: 'rescue', caller: 'demo-staff', event: { action: 'verifyMedic', volunteerId: ownedId('vo', 'demo-volunteer'), profession: 'nurse', note: `看过护士执业证（${next()}）` } }) },
  // A drill is staff's; a real alert is anyone's and is not recorded.
  'rescue.raise': { scope: 'dadu', prepare: async () => ({ fn: 'rescue', caller: 'demo-staff', event: { action: 'raise', latitude: 30.0656, longitude: 120.5068, kind: 'cardiac_arrest', called120: true, drill: true, communityId: 'dadu', requestId: `audit-drill-${next()}` } }) },
  'community.update': { scope: 'gangyue', prepare: async () => ({ fn: 'community', caller: 'demo-staff', event: { action: 'update', communityId: 'gangyue', wishClaimDays: 1 + (next() % 30) } }) },
  'community.invite': { scope: 'gangyue', prepare: async () => ({ fn: 'community', caller: 'demo-staff', event: { action: 'invite', communityId: 'gangyue', role: 'staff', requestId: `audit-invite-${next()}` } }) },
  // The invitee's own action, recorded because it grants a role; a second use of the code is refused.
  'community.join': {
    scope: 'gangyue',
    async prepare() {
      const { code } = await call<{ code: string }>('community', 'demo-staff', { action: 'invite', communityId: 'gangyue', role: 'staff', requestId: `audit-invite-${next()}` })
      return { fn: 'community', caller: `audit-joiner-${next()}`, event: { action: 'join', code } }
    },
  },
  'community.removeStaff': {
    scope: 'gangyue',
    async prepare() {
      const joiner = `audit-leaver-${next()}`
      const { code } = await call<{ code: string }>('community', 'demo-staff', { action: 'invite', communityId: 'gangyue', role: 'staff', requestId: `audit-invite-${next()}` })
      await call('community', joiner, { action: 'join', code })
      return { fn: 'community', caller: 'demo-staff', event: { action: 'removeStaff', communityId: 'gangyue', userId: joiner } }
    },
  },
  'member.filingExport': { scope: DISTRICT, prepare: async () => ({ fn: 'member', caller: 'demo-district', event: { action: 'filingExport', joinedFrom: '2000-01-01', joinedTo: today() } }) },

  'fund.record': { scope: 'gangyue', prepare: async () => ({ fn: 'fund', caller: 'demo-staff', event: { action: 'record', communityId: 'gangyue', kind: 'income', amountFen: 100, date: today(), category: '个人捐赠', party: '', channel: '银行转账', reference: 'YH-9', requestId: rid() } }) },
  'fund.reverse': {
    scope: 'gangyue',
    prepare: async () => ({ fn: 'fund', caller: 'demo-staff', event: { action: 'reverse', entryId: (await income('gangyue', 100))._id, reason: '金额登记错误', requestId: rid() } }),
  },
  // A new request each time (apply has no retry key): a retry is a second request, with its own entry.
  'fund.apply': {
    scope: 'audit-c',
    again: 'new',
    prepare: async () => ({ fn: 'fund', caller: 'demo-staff', event: { action: 'apply', communityId: community(), name: '赵阿婆', phone: '13957500001', category: '困难', amountFen: 20_000, reason: '独居老人，冬天取暖和药费负担不起。', onBehalf: true } }),
  },
  'fund.review': {
    scope: 'audit-c',
    async prepare() {
      const { aidId } = await aidRequest()
      return { fn: 'fund', caller: 'demo-staff', event: { action: 'review', aidId, decision: 'approve' } }
    },
  },
  'fund.pay': {
    scope: 'audit-c',
    async prepare() {
      const { aidId } = await aidRequest()
      await call('fund', 'demo-staff', { action: 'review', aidId, decision: 'approve' })
      return { fn: 'fund', caller: 'demo-staff-2', event: { action: 'pay', aidId, date: today(), reference: 'ZF-1' } }
    },
  },
  'fund.export': { scope: 'gangyue', prepare: async () => ({ fn: 'fund', caller: 'demo-staff', event: { action: 'export', communityId: 'gangyue', from: '2026-01-01', to: today() } }) },
  'fund.saveProject': {
    scope: 'gangyue',
    async prepare() {
      const created = await call<FundProject>('fund', 'demo-staff', project('gangyue'))
      return { fn: 'fund', caller: 'demo-staff', event: { ...project('gangyue', created._id), title: `红十字助学（第${next()}期）` } }
    },
  },
  'fund.issueReceipt': { scope: 'gangyue', prepare: async () => ({ fn: 'fund', caller: 'demo-staff', event: { action: 'issueReceipt', entryId: (await income('gangyue', 200))._id } }) },

  'activity.create': { scope: 'dadu', again: 'new', prepare: async () => ({ fn: 'activity', caller: 'demo-staff', event: { action: 'create', ...activityInput() } }) },
  'activity.update': {
    scope: 'dadu',
    async prepare() {
      const created = await call<ActivityView>('activity', 'demo-staff', { action: 'create', ...activityInput() })
      return { fn: 'activity', caller: 'demo-staff', event: { action: 'update', activityId: created._id, ...activityInput(), title: '社区义诊志愿服务（改期）' } }
    },
  },
  'activity.cancel': {
    scope: 'dadu',
    prepare: async () => ({ fn: 'activity', caller: 'demo-staff', event: { action: 'cancel', activityId: (await call<ActivityView>('activity', 'demo-staff', { action: 'create', ...activityInput() }))._id, reason: '天气原因取消' } }),
  },
  'activity.reviewMakeup': { scope: 'dadu', prepare: async () => ({ fn: 'activity', caller: 'demo-staff', event: { action: 'reviewMakeup', signupId: await makeupRequest(), decision: 'reject', reason: '没有到场记录' } }) },
  'activity.confirmAttendance': {
    scope: 'dadu',
    async prepare() {
      const signupId = await makeupRequest()
      // A 补签 approved by staff leaves the sign-up checked out; confirming it is what this action does.
      cloud.store.update('activitySignups', { _id: signupId }, { $set: { status: 'checked_out', checkedInAt: new Date(Date.now() - 170 * 60_000), checkedOutAt: new Date(Date.now() - 61 * 60_000), confirmedAt: null, coverage: 0.9, creditedHours: 2, hoursResult: 'awaiting_confirmation' } })
      return { fn: 'activity', caller: 'demo-staff', event: { action: 'confirmAttendance', activityId: signupId.split(':')[0], signupIds: [signupId] } }
    },
  },

  'aed.save': { scope: 'dadu', prepare: async () => ({ fn: 'aed', caller: 'demo-staff', event: { action: 'save', aedId: await newAed(), ...aedInput(`改名AED${next()}`) } }) },
  'aed.verify': {
    scope: 'dadu',
    async prepare() {
      const { aedId } = await call<{ aedId: string }>('aed', 'demo-resident', { action: 'suggest', name: `新开的药店${next()}`, latitude: 30.0661, longitude: 120.5071 + serial / 10_000, address: '大渡路88号药店', landmark: '收银台后面', note: '收银台后面挂着' })
      return { fn: 'aed', caller: 'demo-staff', event: { action: 'verify', aedId, ...aedInput('新开的药店'), accessNotes: '营业时间向收银员说明后取用', accessPhone: '0575-84123456' } }
    },
  },
  'aed.inspect': { scope: 'dadu', prepare: async () => ({ fn: 'aed', caller: 'demo-staff', event: { action: 'inspect', aedId: await newAed(), date: today(), result: 'ok', checklist: allFine, ...goodDates() } }) },
  'aed.resolveReport': { scope: 'dadu', prepare: async () => ({ fn: 'aed', caller: 'demo-staff', event: { action: 'resolveReport', reportId: await aedReport(), resolution: '已检修，设备完好' } }) },
  'aed.dismissReport': { scope: 'dadu', prepare: async () => ({ fn: 'aed', caller: 'demo-staff', event: { action: 'dismissReport', reportId: await aedReport(), reason: '现场查看一切正常' } }) },
  'aed.setInspectionCycle': { scope: 'yulan', prepare: async () => ({ fn: 'aed', caller: 'demo-staff', event: { action: 'setInspectionCycle', communityId: 'yulan', cycle: ['daily', 'weekly', 'monthly'][next() % 3] } }) },
  'aed.dismissUnconfirmed': {
    scope: 'dadu',
    async prepare() {
      const aedId = await newAed()
      for (const openid of ['audit-new-a', 'audit-new-b']) await call('aed', `${openid}-${next()}`, { action: 'report', aedId, kind: 'fault' })
      return { fn: 'aed', caller: 'demo-staff', event: { action: 'dismissUnconfirmed', communityId: 'dadu', from: inDays(-1), to: today() } }
    },
  },

  'training.create': {
    scope: 'dadu',
    again: 'new',
    prepare: async () => ({ fn: 'training', caller: 'demo-staff', event: { action: 'create', kind: 'popular', title: '心肺复苏普及培训', communityId: 'dadu', dates: [inDays(7)], time: '14:00-16:00', place: '大渡社区博爱家园', capacity: 40 } }),
  },
  'training.record': { scope: 'dadu', prepare: async () => ({ fn: 'training', caller: 'demo-staff', event: { action: 'record', signupId: await trainingSignup(), status: 'attended' } }) },
  'training.recordCertificate': {
    scope: 'dadu',
    async prepare() {
      const signupId = await trainingSignup()
      await call('training', 'demo-staff', { action: 'record', signupId, status: 'attended' })
      await call('training', 'demo-staff', { action: 'record', signupId, status: 'passed' })
      return { fn: 'training', caller: 'demo-staff', event: { action: 'recordCertificate', signupId, number: `ZJKQ-2026-${String(next()).padStart(5, '0')}`, issuer: '绍兴市柯桥区红十字会', issuedOn: today(), validUntil: inDays(3 * 365 - 1) } }
    },
  },

  'volunteer.review': {
    scope: 'gangyue',
    async prepare() {
      const openid = `audit-applicant-v${next()}`
      const profile = await call<{ _id: string }>('volunteer', openid, { action: 'register', name: '赵小明', phone: '13957500003', communityId: 'gangyue', birthYear: 1980, skills: ['陪伴聊天'], availability: ['sat-am'] })
      return { fn: 'volunteer', caller: 'demo-staff', event: { action: 'review', volunteerId: profile._id, decision: 'approve' } }
    },
  },
  'volunteer.correctHours': {
    scope: 'dadu',
    prepare: async () => ({ fn: 'volunteer', caller: 'demo-staff', event: { action: 'correctHours', volunteerId: ownedId('vo', 'demo-volunteer'), hours: 1.5, reason: '补记上月义诊服务', requestId: rid() } }),
  },
  'volunteer.issueCertificate': {
    scope: 'dadu',
    async prepare() {
      cloud.store.remove('certificateRequests', { openid: 'demo-volunteer' })
      const request = await call<CertificateRequestView>('volunteer', 'demo-volunteer', { action: 'requestCertificate', from: inDays(-365), to: today(), idType: 'resident_id', idNumber: '11010519491231002X' })
      return { fn: 'volunteer', caller: 'demo-staff', event: { action: 'issueCertificate', requestId: request._id } }
    },
  },
  'volunteer.exportRecords': { scope: 'dadu', prepare: async () => ({ fn: 'volunteer', caller: 'demo-staff', event: { action: 'exportRecords', communityId: 'dadu', from: inDays(-300), to: today() } }) },
  'volunteer.setCertificateIssuer': {
    scope: 'yulan',
    prepare: async () => ({ fn: 'volunteer', caller: 'demo-staff', event: { action: 'setCertificateIssuer', communityId: 'yulan', orgName: `玉兰社区红十字会${next()}`, leaderName: '王主任' } }),
  },

  'wish.review': { scope: 'dadu', prepare: async () => ({ fn: 'wish', caller: 'demo-staff', event: { action: 'review', wishId: wish({ status: 'pending_review' }), decision: 'approve' } }) },
  'wish.takeDown': { scope: 'dadu', prepare: async () => ({ fn: 'wish', caller: 'demo-staff', event: { action: 'takeDown', wishId: wish({ status: 'open' }), reason: '内容与社区服务无关' } }) },
  'wish.approveHours': {
    scope: 'dadu',
    prepare: async () => ({
      fn: 'wish',
      caller: 'demo-staff',
      event: {
        action: 'approveHours',
        wishId: wish({ status: 'completed', claimerOpenid: 'demo-volunteer', claimerName: '李志强', hoursStatus: 'pending', fulfilment: { note: '门锁已换好', photos: [], minutes: 90, serviceDate: today(), at: new Date() }, completedAt: new Date() }),
        decision: 'approve',
      },
    }),
  },

  'photo.decide': {
    scope: 'dadu',
    async prepare() {
      const fileID = `cloud://env/wish/audit-${next()}.jpg`
      const docId = wish({ images: [{ fileID, status: 'review', openid: 'audit-owner' }] })
      return { fn: 'photo', caller: 'demo-staff', event: { action: 'decide', place: 'wish', docId, fileID, decision: 'approve' } }
    },
  },

  'lesson.save': { scope: 'library', prepare: async () => ({ fn: 'lesson', caller: 'demo-editor', event: { action: 'save', ...fracture(), note: `第${next()}次修订` } }) },
  'lesson.restore': {
    scope: 'library',
    async prepare() {
      const earlier = await proposeFracture('demo-editor')
      await call('lesson', 'demo-staff', { action: 'approve', versionId: earlier._id })
      const later = await proposeFracture('demo-editor')
      await call('lesson', 'demo-staff', { action: 'approve', versionId: later._id })
      return { fn: 'lesson', caller: 'demo-editor', event: { action: 'restore', versionId: earlier._id } }
    },
  },
  'lesson.approve': { scope: 'library', prepare: async () => ({ fn: 'lesson', caller: 'demo-staff', event: { action: 'approve', versionId: (await proposeFracture('demo-editor'))._id } }) },
  'lesson.decline': { scope: 'library', prepare: async () => ({ fn: 'lesson', caller: 'demo-staff', event: { action: 'decline', versionId: (await proposeFracture('demo-editor'))._id } }) },
  'lesson.applyUpdate': {
    scope: 'library',
    async prepare() {
      const lesson = LESSON_LIBRARY[0]
      // The station still runs the version before the shipped one.
      cloud.store.update('lessons', { _id: lesson._id }, { $set: { libraryVersion: lesson.libraryVersion - 1 } })
      cloud.store.remove('lessonVersions', { lessonId: lesson._id, status: 'draft' })
      return { fn: 'lesson', caller: 'demo-editor', event: { action: 'applyUpdate', lessonId: lesson._id } }
    },
  },
  'lesson.importLibrary': {
    scope: 'library',
    async prepare() {
      // A new deployment: an empty catalogue.
      cloud.store.remove('lessons', {})
      return { fn: 'lesson', caller: 'demo-editor', event: { action: 'importLibrary' } }
    },
  },
}

function fracture() {
  const { _id: lessonId, libraryVersion: _version, ...original } = LESSON_LIBRARY.find((l) => l._id === 'fracture')!
  return { lessonId, ...original, summary: `${original.summary}（修订${next()}）` }
}
async function proposeFracture(openid: string): Promise<LessonVersion> {
  cloud.store.remove('lessonVersions', { lessonId: 'fracture', status: 'draft' })
  return (await call<{ draft: LessonVersion }>('lesson', openid, { action: 'save', ...fracture() })).draft
}

test('every staff action of every function declares how it is recorded (an audit rule, or "read" for one that only reads)', () => {
  expect(STAFF.length).toBeGreaterThan(40)
  expect(STAFF.filter(({ def }) => def.audit === undefined).map(({ fn, action }) => `${fn}.${action}`)).toEqual([])
})

test('every recorded staff action is tried below, and nothing else is', () => {
  expect([...AUDITED].sort()).toEqual(Object.keys(SCENARIOS).sort())
})

describe.each(Object.keys(SCENARIOS))('%s', (what) => {
  test('leaves exactly one entry, also when retried', async () => {
    const scenario = SCENARIOS[what]
    const { fn, caller, event } = await scenario.prepare()
    const before = entriesOf(what).length
    const first = await cloud.call(fn, caller, event)
    expect({ what, answer: first }).toEqual({ what, answer: expect.objectContaining({ ok: true }) })
    const written = entriesOf(what)
    expect(written.length - before).toBe(1)
    const entry = written.reduce((a, b) => (a.at > b.at ? a : b))
    expect(entry).toMatchObject({ actorOpenid: caller, target: expect.any(String) })
    expect(entry.scope.startsWith(scenario.scope)).toBe(true)
    expect(entry.actorName.length).toBeGreaterThan(0)
    expect(entry.summary).toMatch(/[\u4e00-\u9fa5]/)
    // No resident's phone or ID number in a line staff of the community read.
    expect(entry.summary).not.toMatch(/1[3-9]\d{9}|\d{17}[\dX]/)

    await cloud.call(fn, caller, event)
    expect(entriesOf(what).length - before).toBe(scenario.again === 'new' ? 2 : 1)
  }, 30_000)
})

describe('a call that stopped after its own writes and before its entry', () => {
  test.each([
    ['fund.record', SCENARIOS['fund.record']],
    ['member.review', SCENARIOS['member.review']],
    ['volunteer.correctHours', SCENARIOS['volunteer.correctHours']],
  ])('%s: the retry writes the missing entry, once', async (what, scenario) => {
    const { fn, caller, event } = await scenario.prepare()
    unwrap(await cloud.call(fn, caller, event))
    const entry = entriesOf(what).reduce((a, b) => (a.at > b.at ? a : b))
    cloud.store.remove('auditLog', { _id: entry._id })
    unwrap(await cloud.call(fn, caller, event))
    unwrap(await cloud.call(fn, caller, event))
    expect(entriesOf(what).filter((e) => e._id === entry._id)).toHaveLength(1)
  })
})

describe('community.audit: who reads the trail', () => {
  test('the admins of a community read its entries newest first; its other staff and another community\'s staff are refused', async () => {
    const c = community()
    await income(c, 100)
    await income(c, 200)
    const page = await call<{ items: Array<{ summary: string; actorName: string; what: string; at: string }>; hasMore: boolean }>('community', 'demo-staff', { action: 'audit', communityId: c })
    expect(page.items).toHaveLength(2)
    expect(page.items.map((e) => e.summary)).toEqual(['记账第 2 笔：收入 2.00 元（个人捐赠）', '记账第 1 笔：收入 1.00 元（个人捐赠）'])
    expect(page.items[0]).toMatchObject({ actorName: '张敏', what: 'fund.record' })
    expect(await cloud.call('community', 'demo-volunteer', { action: 'audit', communityId: c })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await cloud.call('community', 'demo-staff-2', { action: 'audit', communityId: c })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    cloud.store.insert('users', [{ _id: 'audit-other-staff', displayName: '别处', roles: ['staff'], homeCommunityId: 'dadu', staffCommunityIds: ['dadu'], createdAt: new Date() }])
    expect(await cloud.call('community', 'audit-other-staff', { action: 'audit', communityId: c })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const own = await call<{ items: Array<{ communityId: string | null }> }>('community', 'audit-other-staff', { action: 'audit', pageSize: 50 })
    expect(own.items.every((e) => e.communityId === 'dadu')).toBe(true)
  })

  test('the district reads every community of its district and its own entries, and none of another district', async () => {
    const c = community()
    await income(c, 300)
    const all = await call<{ items: Array<{ communityId: string | null; what: string }>; hasMore: boolean }>('community', 'demo-district', { action: 'audit', pageSize: 50 })
    expect(all.items.some((e) => e.communityId === c)).toBe(true)
    cloud.store.insert('communities', [{ _id: 'audit-elsewhere', name: '别区社区', code: 'EL', district: '绍兴市越城区', edition: '1.0', location: { latitude: 30, longitude: 120.5 }, volunteerApprovalRequired: false }])
    cloud.store.update('users', { _id: 'demo-staff' }, { $push: { staffCommunityIds: 'audit-elsewhere' } })
    await income('audit-elsewhere', 400)
    expect(await cloud.call('community', 'demo-district', { action: 'audit', communityId: 'audit-elsewhere' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const again = await call<{ items: Array<{ communityId: string | null }>; hasMore: boolean }>('community', 'demo-district', { action: 'audit', pageSize: 50 })
    expect(again.items.some((e) => e.communityId === 'audit-elsewhere')).toBe(false)
  })
})
