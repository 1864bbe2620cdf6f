import { NOTIFY_KIND_NAMES, NOTIFY_KINDS, type NotifyKind } from './kinds'

/**
 * How a deployment configures its subscribe messages, read by the functions from two environment
 * variables (the same value on every function that sends; README → Deploying to WeChat):
 *
 * - `NOTIFY_TEMPLATES`: one JSON object, kind → the 模板ID chosen in 公众平台, e.g.
 *   `{"wish_update":"AbC…","staff_todo":"XyZ…"}`. A kind without an id sends no WeChat message
 *   (the inbox still gets it) and is reported to staff in 工作台.
 * - `MINIPROGRAM_STATE`: which version a tapped message opens, `developer` / `trial` / `formal`
 *   (WeChat's `miniprogram_state`: "developer为开发版；trial为体验版；formal为正式版；默认为正式版",
 *   https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html).
 *   Unset means `formal`, as WeChat's default.
 */
export const TEMPLATES_VARIABLE = 'NOTIFY_TEMPLATES'
export const STATE_VARIABLE = 'MINIPROGRAM_STATE'

export const MINIPROGRAM_STATES = ['developer', 'trial', 'formal'] as const
export type MiniprogramState = (typeof MINIPROGRAM_STATES)[number]
export const DEFAULT_MINIPROGRAM_STATE: MiniprogramState = 'formal'

export type TemplateSetting = {
  /** The usable id of each kind that has one. */
  ids: Partial<Record<NotifyKind, string>>
  /** Kinds of the catalogue without a usable id, in catalogue order. */
  missing: NotifyKind[]
  /** What is wrong with the value, in words a deployer can act on. */
  problems: string[]
}

/**
 * Reads a `NOTIFY_TEMPLATES` value. Anything unusable counts as missing, never as a guess: a
 * value that is not a JSON object, an id that is not a non-empty string, a kind the catalogue does
 * not have, or two kinds sharing one id (a grant could then not be told apart).
 */
export function parseTemplateSetting(raw: string | undefined): TemplateSetting {
  const problems: string[] = []
  let value: unknown = {}
  if (raw === undefined || raw.trim() === '') problems.push(`${TEMPLATES_VARIABLE} is not set`)
  else {
    try {
      value = JSON.parse(raw)
    } catch {
      problems.push(`${TEMPLATES_VARIABLE} is not valid JSON`)
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      if (problems.length === 0) problems.push(`${TEMPLATES_VARIABLE} is not a JSON object of kind → template id`)
      value = {}
    }
  }
  const entries = Object.entries(value as Record<string, unknown>)
  const known = new Set<string>(NOTIFY_KIND_NAMES)
  for (const [kind] of entries) if (!known.has(kind)) problems.push(`${TEMPLATES_VARIABLE} names "${kind}", which is not a kind of the catalogue`)
  const ids: Partial<Record<NotifyKind, string>> = {}
  const kindsOfId = new Map<string, NotifyKind[]>()
  for (const [kind, id] of entries) {
    if (!known.has(kind)) continue
    if (typeof id !== 'string' || id.trim() === '') {
      problems.push(`${kind}: the template id is not a non-empty string`)
      continue
    }
    kindsOfId.set(id, [...(kindsOfId.get(id) ?? []), kind as NotifyKind])
  }
  for (const [id, kinds] of kindsOfId) {
    if (kinds.length > 1) problems.push(`${kinds.join(', ')} share one template id`)
    else ids[kinds[0]] = id
  }
  const missing = NOTIFY_KIND_NAMES.filter((kind) => ids[kind] === undefined)
  return { ids, missing, problems }
}

/** The template ids of the local cloud (each kind's `templateId` in the catalogue), as a `NOTIFY_TEMPLATES` value. */
export function localTemplateSetting(): string {
  return JSON.stringify(Object.fromEntries(NOTIFY_KIND_NAMES.map((kind) => [kind, NOTIFY_KINDS[kind].templateId])))
}

/** Kinds whose id in a deployment is still the local cloud's placeholder: WeChat would refuse every send (40037). */
export function placeholderKinds(setting: TemplateSetting): NotifyKind[] {
  return NOTIFY_KIND_NAMES.filter((kind) => setting.ids[kind] === NOTIFY_KINDS[kind].templateId)
}

/** The `MINIPROGRAM_STATE` setting; an unknown value is reported, and sent as is for WeChat to refuse. */
export function miniprogramStateOf(raw: string | undefined): { state: string; problem?: string } {
  const state = raw === undefined || raw.trim() === '' ? DEFAULT_MINIPROGRAM_STATE : raw.trim()
  return (MINIPROGRAM_STATES as readonly string[]).includes(state)
    ? { state }
    : { state, problem: `${STATE_VARIABLE} is "${state}", not one of ${MINIPROGRAM_STATES.join(' / ')}` }
}
