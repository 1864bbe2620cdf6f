import { REPORT_KINDS, type ReportKind } from '../aed/contract'
import { formatYuan } from '../fund/rules'
import { ALERT_KINDS, ROLE_LABELS, type AlertKind, type RescueRole } from '../rescue/rules'
import { WISH_TRANSITIONS, type WishAction } from '../wish/states'
import { chinaDate, chinaTime, thing, type FieldKey } from './values'

/**
 * Every kind of notification: what it carries, how it reads in the inbox, the page it opens (with
 * the ids that page reads), and its WeChat subscribe-message template — each field key (its type
 * is the key without the digits, as WeChat reads it) with a builder that always yields a valid
 * value for that type. Statuses travel as keys; fixed labels of ≤ 5 Chinese characters fill the
 * `phrase` fields.
 */
export type NotifyPayloads = {
  member_review: { approved: boolean; memberNo?: string; reason?: string; reviewedAt: Date }
  volunteer_review: { approved: boolean; reason?: string; reviewedAt: Date }
  wish_update: { wishId: string; wishTitle: string; action: WishAction; note?: string; at: Date }
  aed_alert: { aedId: string; aedName: string; message: string; at: Date }
  /** To the person who reported a problem: received, then what those who look after it found. */
  aed_report: { aedId: string; aedName: string; kind: ReportKind; outcome: AedReportOutcome; resolution?: string; at: Date }
  /** `validUntil` is a stored `YYYY-MM-DD`. */
  cert_reminder: { number: string; validUntil: string }
  /** `date` is the session's stored `YYYY-MM-DD`. */
  training_signup: { sessionTitle: string; date: string; place: string }
  training_result: { sessionTitle: string; result: TrainingResult; certificateNumber?: string; at: Date }
  /** To staff: what waits in one of their queues (all their communities), at most once an hour. */
  staff_todo: { queue: StaffQueue; waiting: number; at: Date }
  /** To everyone signed up when staff cancel an activity. */
  activity_cancelled: { activityId: string; title: string; reason: string; startAt: Date }
  /** To each volunteer signed up, about 2 hours before the start. */
  activity_reminder: { activityId: string; title: string; address: string; startAt: Date }
  /** After check-out (or an approved 补签): whether the hours were credited. */
  checkin_result: { activityId: string; title: string; hours: number; credited: boolean; at: Date }
  /**
   * To the volunteer when staff record hours for them (谁记录谁证明): a wish's reported time approved,
   * or a correction, signed. An activity's hours come with `checkin_result`.
   */
  hours_credited: { source: HoursSource; title: string; hours: number; serviceDate: string; at: Date }
  /** To the applicant, at each step of a 博爱互助金 aid request. */
  fund_aid: { aidId: string; category: string; amountFen: number; step: FundAidStep; note?: string; at: Date }
  /** 紧急呼 (issue #22): an alert to a responder, their role once they accepted, the debrief after closing. */
  rescue_alert: { alertId: string; kind: AlertKind; drill: boolean; step: RescueStep; role?: RescueRole; distanceMeters?: number; at: Date }
}

export type RescueStep = 'alert' | 'role' | 'debrief'
export const RESCUE_PHRASES: Record<RescueStep, string> = { alert: '紧急呼救', role: '已接受', debrief: '请填回访' }
/** A practice alert says so in every message (issue #22: drills labelled everywhere). */
export const DRILL_PHRASE = '演练'
const rescueWhat = (p: { kind: AlertKind; drill: boolean }) => `${p.drill ? '【演练】' : ''}${ALERT_KINDS[p.kind]}`
function rescueBody(p: NotifyPayloads['rescue_alert']): string {
  const what = rescueWhat(p)
  if (p.step === 'alert') return `附近有人${what}，距您约${Math.round(p.distanceMeters ?? 0)}米。120已拨打。能去就点开接受，不能去请点谢绝。`
  if (p.step === 'role') return `您已接受${what}呼救：${p.role ? ROLE_LABELS[p.role] : '赶往现场'}。`
  return `感谢您响应${what}呼救。请花一分钟填写三个问题的回访；如需心理援建，页面上有联系方式。`
}

/** The steps of an aid request an applicant hears of; `second`: approved once, waiting for a second staff member. */
export type FundAidStep = 'received' | 'second' | 'approved' | 'rejected' | 'paid'
export const FUND_AID_PHRASES: Record<FundAidStep, string> = { received: '已受理', second: '待复核', approved: '已批准', rejected: '未通过', paid: '已发放' }
const FUND_AID_SENTENCES: Record<FundAidStep, string> = {
  received: '已收到，工作人员审核后会告诉您结果',
  second: '已有一位工作人员同意，正在等待另一位工作人员复核',
  approved: '已批准，工作人员会尽快发放',
  rejected: '未通过',
  paid: '已发放，并已在互助金公开账本中登记',
}

/** Attendance alone is recorded quietly: the person hears of the exam result. */
export type TrainingResult = 'passed' | 'failed'
export const TRAINING_RESULT_PHRASES: Record<TrainingResult, string> = { passed: '已通过', failed: '未通过' }

/** The staff queues that tell staff of new items, each with its page in the staff workbench. */
export const STAFF_QUEUES = {
  applications: { label: '入会申请', page: 'packages/staff/pages/applications/index' },
  volunteers: { label: '志愿者注册', page: 'packages/staff/pages/volunteers/index' },
  wishes: { label: '待审核心愿', page: 'packages/staff/pages/wishes/index' },
  aed_reports: { label: 'AED问题报告', page: 'packages/staff/pages/aeds/index' },
  /** Lesson changes waiting for a second editor (every community's, not one's). */
  lesson_drafts: { label: '待审核课程', page: 'packages/staff/pages/lessons/index' },
  fund_aid: { label: '互助金救助申请', page: 'packages/fund/pages/staff/index' },
} as const
export type StaffQueue = keyof typeof STAFF_QUEUES

export type NotifyKind = keyof NotifyPayloads

export type TemplateData = Record<string, { value: string }>

type KindSpec<P> = {
  /**
   * The local cloud's template id (its `NOTIFY_TEMPLATES`, localcloud/notify-settings.ts). A
   * deployment sets its own ids in `NOTIFY_TEMPLATES` and never falls back to this placeholder
   * (domain/notify/deployment).
   */
  templateId: string
  /** Inbox title and the name of the template in 公众平台 → 订阅消息. */
  title: string
  /**
   * Essential kinds (review results, a wish's steps, AED safety) always reach the inbox; a person
   * who turns one off only stops its WeChat messages. A non-essential kind turned off sends nothing.
   */
  essential: boolean
  /** Page opened from the message, relative to the mini-program root, with its query. */
  page(payload: P): string
  body(payload: P): string
  fields: Record<FieldKey, (payload: P) => string>
}

/** `phrase` values (≤ 5 Chinese characters, nothing else): one per wish transition. */
export const WISH_UPDATE_PHRASES: Record<WishAction, string> = {
  approve: '已上架',
  reject: '未通过',
  takeDown: '已下架',
  claim: '已认领',
  release: '已释放',
  autoRelease: '超时释放',
  fulfil: '待您确认',
  confirm: '已确认',
  reopen: '未完成',
  cancel: '已取消',
  expire: '已过期',
}

export type AedReportOutcome = 'received' | 'resolved'
export const AED_REPORT_PHRASES: Record<AedReportOutcome, string> = { received: '已收到', resolved: '已处理' }

export const REVIEW_PHRASES = { approved: '已通过', rejected: '未通过' } as const
const reviewPhrase = (approved: boolean) => REVIEW_PHRASES[approved ? 'approved' : 'rejected']

export const CHECKIN_RESULT_PHRASES = { credited: '已计时长', notEnough: '时长不足' } as const

/** What staff recorded hours for, besides activities. */
export type HoursSource = 'wish' | 'correction'
export const HOURS_CREDITED_PHRASES = { added: '已记入', taken: '已更正' } as const
/** Hours as the volunteer reads a change: `+1.5` / `-2`. */
const signedHours = (hours: number) => `${hours > 0 ? '+' : ''}${hours}`
function hoursBody(p: NotifyPayloads['hours_credited']): string {
  if (p.source === 'wish') return `红心愿「${p.title}」的服务时长已由工作人员核定，记入志愿服务时长${p.hours}小时（服务日期 ${p.serviceDate}）。`
  return `工作人员更正了您的志愿服务时长：${signedHours(p.hours)}小时（服务日期 ${p.serviceDate}），原因：${p.title}`
}

const activityPage = (p: { activityId: string }) => `packages/activity/pages/detail/index?id=${p.activityId}`

export const NOTIFY_KINDS: { [K in NotifyKind]: KindSpec<NotifyPayloads[K]> } = {
  member_review: {
    essential: true,
    templateId: 'member-review-template-id',
    title: '入会审核结果',
    page: () => 'packages/member/pages/index/index',
    body: (p) =>
      p.approved
        ? `您的红十字会员入会申请已通过，会员号 ${p.memberNo ?? ''}。`
        : `您的红十字会员入会申请未通过：${p.reason ?? ''}`,
    fields: {
      phrase1: (p) => reviewPhrase(p.approved),
      thing2: (p) => (p.approved ? thing(p.memberNo && `会员号${p.memberNo}`, '请查看会员证') : thing(p.reason, '请查看详情')),
      time3: (p) => chinaTime(p.reviewedAt),
    },
  },
  volunteer_review: {
    essential: true,
    templateId: 'volunteer-review-template-id',
    title: '志愿者审核结果',
    page: () => 'packages/volunteer/pages/index/index',
    body: (p) =>
      p.approved ? '您的志愿者注册已通过审核，可以认领心愿、报名活动了。' : `您的志愿者注册未通过审核：${p.reason ?? ''}`,
    fields: {
      phrase1: (p) => reviewPhrase(p.approved),
      thing2: (p) => (p.approved ? '可以认领心愿、报名活动了' : thing(p.reason, '请查看详情')),
      time3: (p) => chinaTime(p.reviewedAt),
    },
  },
  wish_update: {
    essential: true,
    templateId: 'wish-update-template-id',
    title: '红心愿进度',
    page: (p) => `packages/wish/pages/detail/index?id=${p.wishId}`,
    body: (p) => `心愿「${p.wishTitle}」${WISH_TRANSITIONS[p.action].label}${p.note ? `：${p.note}` : ''}`,
    fields: {
      thing1: (p) => thing(p.wishTitle, '红心愿'),
      phrase2: (p) => WISH_UPDATE_PHRASES[p.action],
      time3: (p) => chinaTime(p.at),
    },
  },
  aed_alert: {
    essential: true,
    templateId: 'aed-alert-template-id',
    title: 'AED设备提醒',
    page: (p) => `packages/aed/pages/detail/index?id=${p.aedId}`,
    body: (p) => `${p.aedName}：${p.message}`,
    fields: {
      thing1: (p) => thing(p.aedName, 'AED设备'),
      thing2: (p) => thing(p.message, '请查看设备详情'),
      time3: (p) => chinaTime(p.at),
    },
  },
  aed_report: {
    essential: false,
    templateId: 'aed-report-template-id',
    title: 'AED问题报告进度',
    page: (p) => `packages/aed/pages/detail/index?id=${p.aedId}`,
    body: (p) =>
      p.outcome === 'received'
        ? `您报告的“${REPORT_KINDS[p.kind]}”（${p.aedName}）已收到，设备负责人核实后会告诉您结果。谢谢您！`
        : `您报告的“${REPORT_KINDS[p.kind]}”（${p.aedName}）已处理：${p.resolution ?? ''}`,
    fields: {
      thing1: (p) => thing(p.aedName, 'AED设备'),
      phrase2: (p) => AED_REPORT_PHRASES[p.outcome],
      thing3: (p) => (p.outcome === 'received' ? `报告：${REPORT_KINDS[p.kind]}` : thing(p.resolution, '请查看设备详情')),
      time4: (p) => chinaTime(p.at),
    },
  },
  cert_reminder: {
    essential: false,
    templateId: 'cert-reminder-template-id',
    title: '救护员证到期提醒',
    page: () => 'packages/lessons/pages/training/index',
    body: (p) => `您的救护员证（${p.number}）将于${p.validUntil}到期，请及时报名复训。`,
    fields: {
      thing1: (p) => thing(`救护员证${p.number}`, '救护员证'),
      date2: (p) => chinaDate(p.validUntil),
      thing3: () => '请及时报名复训',
    },
  },
  training_signup: {
    essential: false,
    templateId: 'training-signup-template-id',
    title: '培训报名成功',
    page: () => 'packages/lessons/pages/training/index',
    body: (p) => `您已报名「${p.sessionTitle}」，${p.date} 在${p.place}上课，请准时参加。`,
    fields: {
      thing1: (p) => thing(p.sessionTitle, '应急救护培训'),
      date2: (p) => chinaDate(p.date),
      thing3: (p) => thing(p.place, '请查看培训详情'),
    },
  },
  training_result: {
    essential: true,
    templateId: 'training-result-template-id',
    title: '培训考核结果',
    page: () => 'packages/lessons/pages/training/index',
    body: (p) =>
      p.result === 'passed'
        ? `您在「${p.sessionTitle}」的考核已通过${p.certificateNumber ? `，救护员证 ${p.certificateNumber} 已登记` : ''}。`
        : `您在「${p.sessionTitle}」的考核未通过，欢迎报名下一期培训。`,
    fields: {
      thing1: (p) => thing(p.sessionTitle, '应急救护培训'),
      phrase2: (p) => TRAINING_RESULT_PHRASES[p.result],
      thing3: (p) => (p.certificateNumber ? thing(`救护员证${p.certificateNumber}`, '请查看培训详情') : '请查看培训详情'),
      time4: (p) => chinaTime(p.at),
    },
  },
  staff_todo: {
    essential: false,
    templateId: 'staff-todo-template-id',
    title: '工作台待办',
    page: (p) => STAFF_QUEUES[p.queue].page,
    body: (p) => `${STAFF_QUEUES[p.queue].label}有 ${p.waiting} 条待处理，请到工作台查看。`,
    fields: {
      thing1: (p) => STAFF_QUEUES[p.queue].label,
      thing2: (p) => thing(`${Math.max(0, Math.trunc(p.waiting))}条待处理`, '有新的待办'),
      time3: (p) => chinaTime(p.at),
    },
  },
  // Someone signed up may otherwise walk to an activity that will not happen.
  activity_cancelled: {
    essential: true,
    templateId: 'activity-cancelled-template-id',
    title: '活动取消通知',
    page: activityPage,
    body: (p) => `您报名的活动「${p.title}」已取消：${p.reason}`,
    fields: {
      thing1: (p) => thing(p.title, '志愿活动'),
      time2: (p) => chinaTime(p.startAt),
      thing3: (p) => thing(p.reason, '请查看活动详情'),
    },
  },
  activity_reminder: {
    essential: false,
    templateId: 'activity-reminder-template-id',
    title: '活动开始提醒',
    page: activityPage,
    body: (p) => `您报名的活动「${p.title}」将于${chinaTime(p.startAt)}开始，地点：${p.address}。到场后记得签到。`,
    fields: {
      thing1: (p) => thing(p.title, '志愿活动'),
      time2: (p) => chinaTime(p.startAt),
      thing3: (p) => thing(p.address, '请查看活动详情'),
    },
  },
  checkin_result: {
    essential: true,
    templateId: 'checkin-result-template-id',
    title: '志愿时长结果',
    page: activityPage,
    body: (p) =>
      p.credited ? `活动「${p.title}」的出勤已确认，记入志愿服务时长${p.hours}小时。` : `活动「${p.title}」已签退，出勤时间不足，本次未记入时长；如有疑问可申请补签。`,
    fields: {
      thing1: (p) => thing(p.title, '志愿活动'),
      phrase2: (p) => CHECKIN_RESULT_PHRASES[p.credited ? 'credited' : 'notEnough'],
      thing3: (p) => (p.credited ? `志愿时长${p.hours}小时` : '如有疑问可申请补签'),
      time4: (p) => chinaTime(p.at),
    },
  },
  // The volunteer's own record of service: every change reaches them.
  hours_credited: {
    essential: true,
    templateId: 'hours-credited-template-id',
    title: '志愿时长记录',
    page: () => 'packages/volunteer/pages/index/index',
    body: hoursBody,
    fields: {
      thing1: (p) => thing(p.source === 'wish' ? p.title : '时长更正', '志愿服务'),
      phrase2: (p) => HOURS_CREDITED_PHRASES[p.hours > 0 ? 'added' : 'taken'],
      thing3: (p) => `志愿时长${signedHours(p.hours)}小时`,
      time4: (p) => chinaTime(p.at),
    },
  },
  // Someone in difficulty waits on this money: every step reaches them.
  fund_aid: {
    essential: true,
    templateId: 'fund-aid-template-id',
    title: '互助金申请进度',
    page: (p) => `packages/fund/pages/aid/index?id=${p.aidId}`,
    body: (p) => `您的${p.category}救助申请（${formatYuan(p.amountFen)} 元）${FUND_AID_SENTENCES[p.step]}${p.note ? `：${p.note}` : '。'}`,
    fields: {
      thing1: (p) => thing(`${p.category}救助申请`, '互助金申请'),
      phrase2: (p) => FUND_AID_PHRASES[p.step],
      time3: (p) => chinaTime(p.at),
    },
  },
  // Someone may be dying: every alert reaches the inbox whatever the settings.
  rescue_alert: {
    essential: true,
    templateId: 'rescue-alert-template-id',
    title: '紧急呼',
    page: (p) => `packages/rescue/pages/alert/index?id=${p.alertId}`,
    body: rescueBody,
    fields: {
      thing1: (p) => thing(rescueWhat(p), '紧急呼'),
      phrase2: (p) => (p.drill && p.step === 'alert' ? DRILL_PHRASE : RESCUE_PHRASES[p.step]),
      thing3: (p) => (p.step === 'alert' ? thing(`距您约${Math.max(0, Math.round(p.distanceMeters ?? 0))}米`, '请查看呼救') : p.step === 'role' && p.role ? ROLE_LABELS[p.role] : '请查看详情'),
      time4: (p) => chinaTime(p.at),
    },
  },
}

export const NOTIFY_KIND_NAMES = Object.keys(NOTIFY_KINDS) as NotifyKind[]

/** The subscribe-message `data` of a notification. */
export function templateData<K extends NotifyKind>(kind: K, payload: NotifyPayloads[K]): TemplateData {
  const fields: Record<string, (p: NotifyPayloads[K]) => string> = NOTIFY_KINDS[kind].fields
  return Object.fromEntries(Object.entries(fields).map(([key, build]) => [key, { value: build(payload) }]))
}
