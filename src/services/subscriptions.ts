import Taro from '@tarojs/taro'
import type { SubscribeTemplate } from '@/domain/notify/contract'
import type { NotifyKind } from '@/domain/notify/kinds'
import { forgetDecline, kindsToAsk, rememberAnswers, type PromptAnswer, type PromptMemory } from '@/domain/notify/prompt'
import { PROMPT_TAPS, type PromptTapName } from '@/domain/notify/prompt-taps'
import { postToLocalCloud } from './cloud-client'
import { currentDevOpenid } from './dev-identity'
import { notifyService } from './notify'

/** This deployment's template id of each kind (they differ per environment), once loaded. */
let templateIds: Partial<Record<NotifyKind, string>> = {}
/** Kinds the person turned off in 消息设置: never asked for. */
let off = new Set<NotifyKind>()
/** Kinds whose template is long-term here: never asked for together with one-time ones. */
let longTerm = new Set<NotifyKind>()

/** Declines are remembered on the device, so the prompt never comes back right after a "no". */
const MEMORY_KEY = 'notify-prompt-memory'
const readMemory = (): PromptMemory => {
  const stored: unknown = Taro.getStorageSync(MEMORY_KEY)
  return stored && typeof stored === 'object' && 'declinedAt' in stored ? (stored as PromptMemory) : { declinedAt: {} }
}
const writeMemory = (memory: PromptMemory) => Taro.setStorageSync(MEMORY_KEY, memory)

/**
 * The templates change only when the deployment does, so the device keeps them for a day: asking
 * at every launch would cost reads at every app open (#25); they come with the app's one call at
 * opening (`user.open`) when the kept copy is older. Kept per person (H5's demo identities share
 * one browser); 消息设置 changes are applied here at once (noteSetting).
 */
const TEMPLATES_KEY = 'notify-templates'
const TEMPLATES_FRESH_MS = 24 * 60 * 60_000
type KeptTemplates = { at: number; person: string; items: SubscribeTemplate[] }

const templatesPerson = () => (process.env.TARO_ENV === 'h5' ? currentDevOpenid() : '')

function applyTemplates(items: SubscribeTemplate[]) {
  templateIds = Object.fromEntries(items.map(({ kind, templateId }) => [kind, templateId]))
  off = new Set(items.filter((item) => !item.on).map((item) => item.kind))
  longTerm = new Set(items.filter((item) => item.longTerm).map((item) => item.kind))
}

/**
 * Applies the templates the device kept, and answers whether the opening call should bring them
 * (none kept for this person, or kept more than a day ago). WeChat shows its prompt only in
 * direct answer to a tap, so the ids must be at hand before the tap: no request may come between.
 */
export function subscribeTemplatesWanted(): boolean {
  const kept = Taro.getStorageSync(TEMPLATES_KEY) as KeptTemplates | ''
  if (!kept || kept.person !== templatesPerson() || !Array.isArray(kept.items)) return true
  applyTemplates(kept.items)
  return Date.now() - kept.at >= TEMPLATES_FRESH_MS
}

/** The templates the opening call brought: applied and kept on the device for a day. */
export function keepSubscribeTemplates(items: SubscribeTemplate[]): void {
  applyTemplates(items)
  Taro.setStorageSync(TEMPLATES_KEY, { at: Date.now(), person: templatesPerson(), items } satisfies KeptTemplates)
}

/** 消息设置 changed a kind: turned off, it is no longer asked for; turned on, an old "no" is forgotten. */
export function noteSetting(kind: NotifyKind, on: boolean): void {
  if (on) {
    off.delete(kind)
    writeMemory(forgetDecline(readMemory(), kind))
  } else off.add(kind)
  const kept = Taro.getStorageSync(TEMPLATES_KEY) as KeptTemplates | ''
  if (kept && Array.isArray(kept.items)) Taro.setStorageSync(TEMPLATES_KEY, { ...kept, items: kept.items.map((item) => (item.kind === kind ? { ...item, on } : item)) })
}

/**
 * Asks for the subscriptions of one tap of the table (domain/notify/prompt-taps) and records what
 * was granted. Call it first thing in that tap's handler (WeChat shows the prompt only
 * then). Asks for at most 3 templates, never for a kind turned off or declined in the last 7 days
 * (domain/notify/prompt). On H5 there is no WeChat prompt: the stand-in accepts every template and
 * tells the local cloud's WeChat side, as the WeChat client would, so the messages can then be
 * sent. Never blocks the action it accompanies. Answers the kinds the person accepted.
 */
export async function requestSubscriptions(tap: PromptTapName): Promise<NotifyKind[]> {
  const configured = new Set(Object.keys(templateIds) as NotifyKind[])
  const kinds = kindsToAsk([...PROMPT_TAPS[tap].kinds], { configured, off, longTerm, memory: readMemory(), now: new Date() })
  const tmplIds = kinds.map((kind) => templateIds[kind] as string)
  if (tmplIds.length === 0) return []
  try {
    let results: Record<string, string>
    if (process.env.TARO_ENV === 'weapp') {
      // Taro's typing insists on `entityIds` (an Alipay field); WeChat takes `tmplIds` alone.
      results = (await Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, string>
    } else {
      results = Object.fromEntries(tmplIds.map((id) => [id, 'accept']))
      const response = await postToLocalCloud('/api/dev/subscribe', { results })
      if (response.status !== 200) throw new Error(`HTTP ${response.status}`)
    }
    const answers = Object.fromEntries(kinds.map((kind) => [kind, results[templateIds[kind] as string] as PromptAnswer]))
    writeMemory(rememberAnswers(readMemory(), answers, new Date()))
    await notifyService.subscribed(Object.fromEntries(tmplIds.map((id) => [id, results[id]])))
    return kinds.filter((kind) => answers[kind] === 'accept')
  } catch {
    // Declined or unavailable: the in-app inbox still gets every message.
    return []
  }
}
