import type { NotifyKind } from './kinds'

/** WeChat shows at most this many templates in one subscription prompt. */
export const MAX_TEMPLATES_PER_PROMPT = 3
/** After a person declines a template, it is not asked for again for this long. */
export const QUIET_DAYS_AFTER_DECLINE = 7

/** What the device remembers of earlier prompts: when each kind was last declined (ISO time). */
export type PromptMemory = { declinedAt: Partial<Record<NotifyKind, string>> }

export type PromptContext = {
  /** Kinds with a template configured in this deployment (`notify.templates`). */
  configured: ReadonlySet<NotifyKind>
  /** Kinds the person turned off in 消息设置. */
  off: ReadonlySet<NotifyKind>
  /** Kinds whose template is long-term in this deployment (`NOTIFY_LONG_TERM`). */
  longTerm: ReadonlySet<NotifyKind>
  memory: PromptMemory
  now: Date
}

/**
 * Which of the kinds an action wants to be asked for now, in the order given, at most 3: never a
 * kind without a template, one the person turned off, or one they declined in the last 7 days;
 * and never one-time and long-term templates together (wx.requestSubscribeMessage: "一次性模板 id
 * 和永久模板 id 不可同时使用"; the first kind asked decides which).
 * https://developers.weixin.qq.com/miniprogram/dev/api/open-api/subscribe-message/wx.requestSubscribeMessage.html
 * An empty answer means no prompt at all.
 */
export function kindsToAsk(wanted: NotifyKind[], { configured, off, longTerm, memory, now }: PromptContext): NotifyKind[] {
  const quietSince = now.getTime() - QUIET_DAYS_AFTER_DECLINE * 24 * 3600_000
  const recentlyDeclined = (kind: NotifyKind) => {
    const at = memory.declinedAt[kind]
    return at !== undefined && Date.parse(at) > quietSince
  }
  const askable = [...new Set(wanted)].filter((kind) => configured.has(kind) && !off.has(kind) && !recentlyDeclined(kind))
  const term = (kind: NotifyKind) => longTerm.has(kind)
  return askable.filter((kind) => term(kind) === term(askable[0])).slice(0, MAX_TEMPLATES_PER_PROMPT)
}

/** What `requestSubscribeMessage` answered for each kind asked. */
export type PromptAnswer = 'accept' | 'reject' | 'ban' | 'filter'

/**
 * The memory after a prompt: a declined (or banned) kind is remembered with the time; an accepted
 * one is forgotten, so it may be asked for again next time it matters.
 */
export function rememberAnswers(memory: PromptMemory, answers: Partial<Record<NotifyKind, PromptAnswer>>, now: Date): PromptMemory {
  const declinedAt = { ...memory.declinedAt }
  for (const [kind, answer] of Object.entries(answers) as Array<[NotifyKind, PromptAnswer]>) {
    if (answer === 'accept') delete declinedAt[kind]
    else if (answer === 'reject' || answer === 'ban') declinedAt[kind] = now.toISOString()
  }
  return { declinedAt }
}

/** Turning a kind on in 消息设置 is a fresh yes: it may be asked for at once. */
export function forgetDecline(memory: PromptMemory, kind: NotifyKind): PromptMemory {
  const { [kind]: _forgotten, ...declinedAt } = memory.declinedAt
  return { declinedAt }
}
