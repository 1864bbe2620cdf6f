/**
 * Every kind of notification, what it carries, and how it reads in the inbox and as a WeChat
 * subscribe message. Template ids come from the mini-program's 公众平台 → 订阅消息 and are the
 * only per-deployment values here.
 */
export type NotifyPayloads = {
  member_review: { approved: boolean; memberNo?: string; reason?: string; reviewedAt: string }
  wish_update: { wishId: string; wishTitle: string; statusLabel: string; note?: string; at: string }
  aed_alert: { aedId: string; aedName: string; message: string; at: string }
  cert_reminder: { number: string; validUntil: string }
}

export type NotifyKind = keyof NotifyPayloads

/** A subscribe-message field value: WeChat caps `thing` at 20 characters and `phrase` at 5. */
type TemplateData = Record<string, { value: string }>

type KindSpec<P> = {
  templateId: string
  /** Page opened from the message, relative to the mini-program root. */
  page: string
  title: string
  body(payload: P): string
  template(payload: P): TemplateData
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)

export const NOTIFY_KINDS: { [K in NotifyKind]: KindSpec<NotifyPayloads[K]> } = {
  member_review: {
    templateId: 'member-review-template-id',
    page: 'packages/member/pages/index/index',
    title: '入会审核结果',
    body: (p) =>
      p.approved
        ? `您的红十字会员入会申请已通过，会员号 ${p.memberNo ?? ''}。`
        : `您的红十字会员入会申请未通过：${p.reason ?? ''}`,
    template: (p) => ({
      phrase1: { value: p.approved ? '已通过' : '未通过' },
      thing2: { value: clip(p.approved ? `会员号${p.memberNo ?? ''}` : p.reason ?? '请查看详情', 20) },
      time3: { value: p.reviewedAt },
    }),
  },
  wish_update: {
    templateId: 'wish-update-template-id',
    page: 'packages/wish/pages/index/index',
    title: '红心愿进度',
    body: (p) => `心愿「${p.wishTitle}」${p.statusLabel}${p.note ? `：${p.note}` : ''}`,
    template: (p) => ({
      thing1: { value: clip(p.wishTitle, 20) },
      phrase2: { value: clip(p.statusLabel, 5) },
      time3: { value: p.at },
    }),
  },
  aed_alert: {
    templateId: 'aed-alert-template-id',
    page: 'packages/aed/pages/detail/index',
    title: 'AED设备提醒',
    body: (p) => `${p.aedName}：${p.message}`,
    template: (p) => ({
      thing1: { value: clip(p.aedName, 20) },
      thing2: { value: clip(p.message, 20) },
      time3: { value: p.at },
    }),
  },
  cert_reminder: {
    templateId: 'cert-reminder-template-id',
    page: 'packages/lessons/pages/training/index',
    title: '救护员证到期提醒',
    body: (p) => `您的救护员证（${p.number}）将于${p.validUntil}到期，请及时报名复训。`,
    template: (p) => ({
      thing1: { value: clip(`救护员证${p.number}`, 20) },
      date2: { value: p.validUntil },
      thing3: { value: '请及时报名复训' },
    }),
  },
}

export const NOTIFY_KIND_NAMES = Object.keys(NOTIFY_KINDS) as NotifyKind[]

export function kindOfTemplate(templateId: string): NotifyKind | undefined {
  return NOTIFY_KIND_NAMES.find((kind) => NOTIFY_KINDS[kind].templateId === templateId)
}
