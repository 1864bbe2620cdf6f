import fs from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import { transformSync } from 'esbuild'
import { assertNotTimedOut, currentInvocation } from './identity'
import type { Latency } from './latency'
import { SENSITIVE_WORDS } from './sensitive-words'
import { checkTemplateData } from './subscribe-values'

type TemplateData = Record<string, { value: string }>

export type OutboxMessage = {
  openid: string
  templateId: string
  page?: string
  /** The version a tap opens (`miniprogram_state`), as the function sent it. */
  miniprogramState?: string
  data: TemplateData
  sentAt: string
  /** Set when WeChat's rules refused the message: it was never delivered. */
  errCode?: number
  errMsg?: string
}

/** Every subscribe message the functions tried to send, sent or refused, newest first (dev only; `GET /api/dev/outbox`). */
export class Outbox {
  private readonly messages: OutboxMessage[] = []

  record(message: OutboxMessage): void {
    this.messages.unshift(message)
    this.messages.length = Math.min(this.messages.length, 1000)
  }

  list(openid?: string): OutboxMessage[] {
    return openid ? this.messages.filter((m) => m.openid === openid) : [...this.messages]
  }
}

/** What a person answered in `wx.requestSubscribeMessage`, per template. */
export type SubscribeChoice = 'accept' | 'reject' | 'ban'

const CHOICES: readonly unknown[] = ['accept', 'reject', 'ban'] satisfies SubscribeChoice[]

/** The answers of one request, at most 3 templates as WeChat allows per request; null otherwise. */
export function parseSubscribeResults(value: unknown): Record<string, SubscribeChoice> | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null
  const entries = Object.entries(value)
  const valid = entries.length >= 1 && entries.length <= 3 && entries.every(([id, choice]) => id !== '' && CHOICES.includes(choice))
  return valid ? (value as Record<string, SubscribeChoice>) : null
}

/**
 * WeChat's side of one-time subscriptions, which the server never sees: each `accept` lets one
 * message of that template through; `reject` adds nothing; `ban` (the template is banned by
 * WeChat) ends what was left. https://developers.weixin.qq.com/miniprogram/dev/api/open-api/subscribe-message/wx.requestSubscribeMessage.html
 */
export class SubscribeGrants {
  private readonly counts = new Map<string, number>()

  record(openid: string, templateId: string, choice: SubscribeChoice): void {
    const key = `${openid}\n${templateId}`
    if (choice === 'accept') this.counts.set(key, (this.counts.get(key) ?? 0) + 1)
    if (choice === 'ban') this.counts.delete(key)
  }

  /** Spends one grant; false when none is left. */
  spend(openid: string, templateId: string): boolean {
    const key = `${openid}\n${templateId}`
    const left = this.counts.get(key) ?? 0
    if (left > 0) this.counts.set(key, left - 1)
    return left > 0
  }
}

/**
 * Passing failures of `subscribeMessage.send` on demand (tests only): the next `count` sends
 * fail with `errCode` (default -1, WeChat's "system error") before any check, as when WeChat is
 * busy, so the functions' retries can be seen working.
 */
export class SendFaults {
  private queue: number[] = []

  failNext(count: number, errCode = -1): void {
    this.queue.push(...Array.from({ length: count }, () => errCode))
  }

  take(): number | undefined {
    return this.queue.shift()
  }
}

/** A photo sent to `mediaCheckAsync`; its verdict is pushed to a function later. */
export type MediaCheckRequest = { traceId: string; mediaUrl: string; openid?: string }

/**
 * When the verdict of a `mediaCheckAsync` request is pushed. WeChat promises only "异步检测结果在 30
 * 分钟内会推送到你的消息接收服务器" (https://developers.weixin.qq.com/miniprogram/dev/server/API/sec-center/sec-check/api_mediacheckasync),
 * by 消息推送: so any time, also before the asking function has answered or stored the trace id.
 * - `delay` (default): after a delay drawn per request (`MEDIA_PUSH_DELAY_MS`, default `0-500`),
 *   counted from the request, whether or not the invocation has answered;
 * - `beforeAnswer`: delivered, and handled, before `mediaCheckAsync` answers (tests: a verdict
 *   that certainly comes before its trace id is stored);
 * - `never`: the push is lost (消息推送 not configured, a delivery failure).
 */
export type MediaPushTiming = { kind: 'delay'; delayMs: Latency } | { kind: 'beforeAnswer' } | { kind: 'never' }

export class MediaPushes {
  private readonly waiting = new Set<NodeJS.Timeout>()
  private readonly delivering = new Set<Promise<void>>()

  constructor(public timing: MediaPushTiming = { kind: 'delay', delayMs: () => 0 }) {}

  /** Delivers `push` after `delayMs`, unless the cloud stops first. */
  later(delayMs: number, push: () => Promise<void>): void {
    const timer = setTimeout(() => {
      this.waiting.delete(timer)
      const delivery = push().finally(() => this.delivering.delete(delivery))
      this.delivering.add(delivery)
    }, delayMs)
    this.waiting.add(timer)
  }

  /**
   * On stopping: a push not yet sent is dropped (as one WeChat never delivers), one being handled
   * finishes, so nothing writes to a closed store.
   */
  async settle(): Promise<void> {
    for (const timer of this.waiting) clearTimeout(timer)
    this.waiting.clear()
    await Promise.all(this.delivering)
  }
}

/** An open-API failure as wx-server-sdk throws it (its CloudSDKError: `errCode`, `errMsg`, that message). */
export class OpenApiError extends Error {
  constructor(
    readonly errCode: number,
    readonly errMsg: string,
    codeName = '',
  ) {
    super(`errCode: ${errCode} ${codeName} | errMsg: ${errMsg}`)
  }
}

const fail = (api: string, errCode: number, reason: string) => new OpenApiError(errCode, `openapi.${api}:fail ${reason}`)

/**
 * A function may call only the open APIs its config.json `permissions.openapi` lists; otherwise
 * WeChat answers -604101 (wx-server-sdk: "system error: error code: -604101").
 * https://docs.cloudbase.net/en/faq/knowledge/cloud-call-604101-permission-error
 */
function permit(api: string): void {
  assertNotTimedOut()
  if (!currentInvocation()?.openapi?.includes(api)) {
    throw new OpenApiError(-604101, 'system error: error code: -604101', 'function has no permission to call this API')
  }
}

type Params = Record<string, unknown>

/** wx-server-sdk sends parameters snake_cased (`templateId` → `template_id`); the data keys have no capitals. */
const snakeCased = (params: Params): Params =>
  Object.fromEntries(Object.entries(params ?? {}).map(([key, value]) => [key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), value]))

const nonEmptyText = (value: unknown): value is string => typeof value === 'string' && value !== ''
const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value)

type SubPackage = { root: string; pages: string[] }
type AppConfig = { pages?: string[]; subPackages?: SubPackage[]; subpackages?: SubPackage[] }
const REPO_ROOT = path.resolve(__dirname, '..', '..')

/** The built app's config (dist/weapp/app.json), else the source one, `export default defineAppConfig({...})`. */
function readAppConfig(): AppConfig {
  const built = path.join(REPO_ROOT, 'dist', 'weapp', 'app.json')
  if (fs.existsSync(built)) return JSON.parse(fs.readFileSync(built, 'utf8')) as AppConfig
  const source = path.join(REPO_ROOT, 'src', 'app.config.ts')
  const { code } = transformSync(fs.readFileSync(source, 'utf8'), { loader: 'ts', format: 'cjs' })
  const module = { exports: {} as { default?: AppConfig } }
  vm.runInNewContext(code, { module, exports: module.exports, defineAppConfig: (config: AppConfig) => config })
  if (!module.exports.default) throw new Error(`${source} has no default export`)
  return module.exports.default
}

function pagesOf(config: AppConfig): Set<string> {
  const subPackages = [...(config.subPackages ?? []), ...(config.subpackages ?? [])]
  return new Set([...(config.pages ?? []), ...subPackages.flatMap(({ root, pages }) => pages.map((page) => `${root.replace(/\/$/, '')}/${page}`))])
}

/** `miniprogram_state`: "developer为开发版；trial为体验版；formal为正式版；默认为正式版" (sendMessage). */
const MINIPROGRAM_STATES: readonly unknown[] = ['developer', 'trial', 'formal']

/**
 * The pages of each version a message may open: the 开发版 and 体验版 are the build the local cloud
 * serves; the 正式版 (现网版本) is that build too unless a test gives it the pages of an older
 * release, so that a page only the trial has is refused for `formal` as WeChat refuses it.
 */
export type AppVersions = { current: () => Set<string>; formal?: () => Set<string> }

/**
 * `subscribeMessage.send` as WeChat checks it (the order is not documented; this one refuses a bad
 * message before looking at grants): recipient (40003), template (40037), `miniprogram_state`
 * (one of developer / trial / formal, formal when absent; another value is refused as an invalid
 * argument, 47003 — WeChat documents no code of its own for it, so the local cloud refuses rather
 * than accept), page (41030: "需要保证在现网版本小程序中存在，与 app.json 保持一致", a page path with
 * an optional `?query`, looked up in the version `miniprogram_state` names), every value by its
 * field type (47003). A one-time grant is spent only by a send WeChat accepts; without one, 43101.
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
 */
function checkSend(params: Params, versions: AppVersions): void {
  const api = 'subscribeMessage.send'
  if (!nonEmptyText(params.touser)) throw fail(api, 40003, 'invalid openid')
  if (!nonEmptyText(params.template_id)) throw fail(api, 40037, 'invalid template_id')
  const state = params.miniprogram_state ?? 'formal'
  if (!MINIPROGRAM_STATES.includes(state)) throw fail(api, 47003, 'argument invalid! miniprogram_state invalid')
  const pages = state === 'formal' && versions.formal ? versions.formal() : versions.current()
  if (params.page !== undefined && !(typeof params.page === 'string' && pages.has(params.page.split('?')[0]))) {
    throw fail(api, 41030, 'invalid page')
  }
  if (!isObject(params.data) || Object.keys(params.data).length === 0) throw fail(api, 47003, 'argument invalid! data is empty')
  const refused = checkTemplateData(params.data as TemplateData)
  if (refused) throw fail(api, refused.errCode, refused.errMsg)
}

const SCENES = [1, 2, 3, 4]

/**
 * The parameters `msgSecCheck` and `mediaCheckAsync` 2.0 both require: version 2, the user's
 * openid (40003), scene 1 资料 / 2 评论 / 3 论坛 / 4 社交日志 (40129).
 * https://developers.weixin.qq.com/miniprogram/dev/api-backend/open-api/sec-check/security.msgSecCheck.html
 */
function checkSecurityParams(api: string, params: Params): void {
  if (params.version !== 2) throw fail(api, 47001, 'data format error: only version 2 is emulated')
  if (!nonEmptyText(params.openid)) throw fail(api, 40003, 'invalid openid')
  if (!SCENES.includes(params.scene as number)) throw fail(api, 40129, 'invalid scene')
}

/**
 * `security.msgSecCheck` v2: `content` is required (44002 when empty) and at most 2500 characters
 * (refused as 47001). The verdict comes from the local word list: the strictest match decides.
 * https://developers.weixin.qq.com/miniprogram/dev/api-backend/open-api/sec-check/security.msgSecCheck.html
 */
function msgSecCheck(params: Params) {
  const api = 'security.msgSecCheck'
  checkSecurityParams(api, params)
  const { content } = params
  if (content === undefined || content === '') throw fail(api, 44002, 'empty content')
  if (typeof content !== 'string' || Array.from(content).length > 2500) throw fail(api, 47001, 'data format error: content must be text of at most 2500 characters')
  // Matched as WeChat's check would see through spacing tricks: full-width folded, and spaces,
  // punctuation, symbols and invisible characters between the characters ignored.
  const compact = content.normalize('NFKC').replace(/[\s\p{P}\p{S}\p{Cf}]/gu, '')
  const hits = SENSITIVE_WORDS.filter(({ word }) => compact.includes(word))
  const risky = hits.find((hit) => hit.suggest === 'risky')
  const decisive = risky ?? hits[0]
  return {
    errCode: 0,
    errMsg: `openapi.${api}:ok`,
    result: decisive ? { suggest: decisive.suggest, label: decisive.label } : { suggest: 'pass', label: 100 },
    detail: hits.map((hit) => ({ strategy: 'keyword', errcode: 0, suggest: hit.suggest, label: hit.label, keyword: hit.word })),
    traceId: `local-${Date.now().toString(36)}`,
  }
}

/**
 * Stand-in for `cloud.openapi`: the same call shapes (`cloud.openapi.subscribeMessage.send`,
 * `cloud.openapi.security.msgSecCheck`), answered locally by WeChat's rules instead of by WeChat.
 */
export function createOpenApi(
  outbox: Outbox,
  grants: SubscribeGrants,
  onMediaCheck: (request: MediaCheckRequest) => Promise<void> = async () => undefined,
  faults = new SendFaults(),
  pushes = new MediaPushes(),
  formalPages?: () => Set<string>,
) {
  let pages: Set<string> | undefined
  const versions: AppVersions = { current: () => (pages ??= pagesOf(readAppConfig())), formal: formalPages }
  const api = {
    subscribeMessage: {
      async send(raw: Params) {
        const params = snakeCased(raw)
        const attempt: OutboxMessage = {
          openid: String(params.touser ?? ''),
          templateId: String(params.template_id ?? ''),
          page: typeof params.page === 'string' ? params.page : undefined,
          miniprogramState: typeof params.miniprogram_state === 'string' ? params.miniprogram_state : undefined,
          data: (isObject(params.data) ? params.data : {}) as TemplateData,
          sentAt: new Date().toISOString(),
        }
        try {
          permit('subscribeMessage.send')
          const fault = faults.take()
          if (fault !== undefined) throw fail('subscribeMessage.send', fault, 'system error')
          checkSend(params, versions)
          if (!grants.spend(attempt.openid, attempt.templateId)) throw fail('subscribeMessage.send', 43101, 'user refuse to accept the msg')
        } catch (error) {
          // Every attempt WeChat would have seen is in the outbox, refused ones with their code.
          if (error instanceof OpenApiError) outbox.record({ ...attempt, errCode: error.errCode, errMsg: error.errMsg })
          throw error
        }
        outbox.record(attempt)
        return { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' }
      },
    },
    security: {
      async msgSecCheck(raw: Params) {
        permit('security.msgSecCheck')
        return msgSecCheck(snakeCased(raw))
      },
      /**
       * `mediaCheckAsync` v2: `media_url` (44002 when missing) and `media_type` 1 audio / 2 image
       * (40004 invalid media type otherwise), besides version, openid and scene.
       * https://developers.weixin.qq.com/miniprogram/dev/server/API/sec-center/sec-check/api_mediacheckasync
       */
      async mediaCheckAsync(raw: Params) {
        const api = 'security.mediaCheckAsync'
        permit(api)
        const params = snakeCased(raw)
        checkSecurityParams(api, params)
        if (!nonEmptyText(params.media_url)) throw fail(api, 44002, 'empty media_url')
        if (params.media_type !== 1 && params.media_type !== 2) throw fail(api, 40004, 'invalid media type')
        const traceId = `local-media-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
        const request = { traceId, mediaUrl: params.media_url, openid: params.openid as string }
        // WeChat answers later, by message push, at a time of its own (MediaPushTiming).
        const { timing } = pushes
        if (timing.kind === 'beforeAnswer') await onMediaCheck(request)
        if (timing.kind === 'delay') pushes.later(timing.delayMs(), () => onMediaCheck(request))
        return { errCode: 0, errMsg: `openapi.${api}:ok`, traceId }
      },
    },
  }
  // `cloud.openapi({ appid })` (cross-account calls) answers with the same API.
  return Object.assign(() => api, api)
}
