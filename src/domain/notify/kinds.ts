import { REPORT_KINDS, type ReportKind } from '../aed/contract'
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
}

export type NotifyKind = keyof NotifyPayloads

export type TemplateData = Record<string, { value: string }>

type KindSpec<P> = {
  /**
   * The template id used when the deployment configures none (the local cloud). Production ids
   * come from the functions' environment (cloudfunctions/_kit/notify.ts).
   */
  templateId: string
  /** Inbox title and the name of the template in 公众平台 → 订阅消息. */
  title: string
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

export const NOTIFY_KINDS: { [K in NotifyKind]: KindSpec<NotifyPayloads[K]> } = {
  member_review: {
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
}

export const NOTIFY_KIND_NAMES = Object.keys(NOTIFY_KINDS) as NotifyKind[]

/** The subscribe-message `data` of a notification. */
export function templateData<K extends NotifyKind>(kind: K, payload: NotifyPayloads[K]): TemplateData {
  const fields: Record<string, (p: NotifyPayloads[K]) => string> = NOTIFY_KINDS[kind].fields
  return Object.fromEntries(Object.entries(fields).map(([key, build]) => [key, { value: build(payload) }]))
}
