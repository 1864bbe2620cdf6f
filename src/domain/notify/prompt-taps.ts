import type { NotifyKind } from './kinds'

/**
 * One tap that asks for subscriptions: the page it is on, the control the person taps, and the
 * kinds it asks for. WeChat shows the prompt only in direct answer to a tap, and at most 3
 * templates per prompt (wx.requestSubscribeMessage, tmplIds: "一次调用最多可订阅3条消息",
 * https://developers.weixin.qq.com/miniprogram/dev/api/open-api/subscribe-message/wx.requestSubscribeMessage.html);
 * a long-term template is granted by the same prompt.
 */
export type PromptTap = { page: string; control: string; kinds: readonly NotifyKind[] }

/**
 * Every tap of the app that asks for subscriptions, each at the moment its kinds become useful.
 * The pages call `requestSubscriptions(<name>)` with these names (services/subscriptions), so this
 * table is what they ask; prompt-taps.test.ts fails for a kind no tap asks for.
 */
export const PROMPT_TAPS = {
  memberApply: { page: 'packages/member/pages/apply/index', control: '提交申请', kinds: ['member_review'] },
  volunteerRegister: { page: 'packages/volunteer/pages/register/index', control: '提交注册', kinds: ['volunteer_review', 'wish_update'] },
  wishCreate: { page: 'packages/wish/pages/create/index', control: '发布心愿', kinds: ['wish_update'] },
  /** The claimer hears of the wish's steps and of the hours staff approve for it. */
  wishClaim: { page: 'packages/wish/pages/detail/index', control: '我来认领', kinds: ['wish_update', 'hours_credited'] },
  aedReport: { page: 'packages/aed/pages/detail/index', control: '提交报告', kinds: ['aed_report'] },
  /** The guardian (or staff) who records an inspection hears when pads, battery or the next inspection fall due. */
  aedInspect: { page: 'packages/aed/pages/detail/index', control: '记录今天的巡检', kinds: ['aed_alert'] },
  /** Saving (or verifying) an AED makes its keeper the one reminded of it. */
  aedSave: { page: 'packages/staff/pages/aed-edit/index', control: '保存', kinds: ['aed_alert'] },
  trainingSignup: { page: 'packages/lessons/pages/training/index', control: '确认报名', kinds: ['training_signup', 'training_result'] },
  /** Once a 救护员证 is recorded, its holder sees it under 我的救护员证 and asks to be reminded before it lapses. */
  certReminder: { page: 'packages/lessons/pages/training/index', control: '到期前提醒我', kinds: ['cert_reminder'] },
  activitySignup: { page: 'packages/activity/pages/detail/index', control: '我要报名', kinds: ['activity_reminder', 'activity_cancelled', 'checkin_result'] },
  /** An applicant for 互助金 aid hears of each step. */
  fundAidApply: { page: 'packages/fund/pages/apply/index', control: '提交申请', kinds: ['fund_aid'] },
  /** A staff member in 工作台 asks to hear of new items in their queues. */
  staffTodo: { page: 'packages/staff/pages/index/index', control: '开启待办提醒', kinds: ['staff_todo'] },
  /** 紧急呼 (issue #22): each one-time grant lets one alert through; the responder tops up the count here or after an alert. */
  rescueTopUp: { page: 'packages/rescue/pages/settings/index', control: '增加可接收次数', kinds: ['rescue_alert'] },
  rescueAfterAlert: { page: 'packages/rescue/pages/alert/index', control: '再接收一次紧急呼', kinds: ['rescue_alert'] },
} as const satisfies Record<string, PromptTap>

export type PromptTapName = keyof typeof PROMPT_TAPS

export const PROMPT_TAP_NAMES = Object.keys(PROMPT_TAPS) as PromptTapName[]

/** The taps that ask for a kind (empty: nobody can ever grant it, so its WeChat messages never go). */
export function tapsAsking(kind: NotifyKind): PromptTapName[] {
  return PROMPT_TAP_NAMES.filter((name) => (PROMPT_TAPS[name].kinds as readonly NotifyKind[]).includes(kind))
}
