import { SENSITIVE_WORDS } from './sensitive-words'

export type OutboxMessage = {
  openid: string
  templateId: string
  page?: string
  data: Record<string, { value: string }>
  sentAt: string
}

/** Subscribe messages the functions sent, newest first (dev only; `GET /api/dev/outbox`). */
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

/** A photo sent to `mediaCheckAsync`; its verdict is pushed to a function later. */
export type MediaCheckRequest = { traceId: string; mediaUrl: string; openid?: string }

type SendParams = { touser: string; templateId: string; page?: string; data: OutboxMessage['data'] }
type MsgSecCheckParams = { content: string; version?: number; scene?: number; openid?: string }

/** `security.msgSecCheck` v2 against the local word list: the strictest match decides. */
function msgSecCheck({ content, version }: MsgSecCheckParams) {
  if (version !== 2) throw Object.assign(new Error('openapi.security.msgSecCheck:fail only version 2 is emulated'), { errCode: 47001 })
  const hits = SENSITIVE_WORDS.filter(({ word }) => content.includes(word))
  const risky = hits.find((hit) => hit.suggest === 'risky')
  const decisive = risky ?? hits[0]
  return {
    errCode: 0,
    errMsg: 'openapi.security.msgSecCheck:ok',
    result: decisive ? { suggest: decisive.suggest, label: decisive.label } : { suggest: 'pass', label: 100 },
    detail: hits.map((hit) => ({ strategy: 'keyword', errcode: 0, suggest: hit.suggest, label: hit.label, keyword: hit.word })),
    traceId: `local-${Date.now().toString(36)}`,
  }
}

/**
 * Stand-in for `cloud.openapi`: the same call shapes (`cloud.openapi.subscribeMessage.send`,
 * `cloud.openapi.security.msgSecCheck`), answered locally instead of by WeChat's servers.
 */
export function createOpenApi(outbox: Outbox, onMediaCheck: (request: MediaCheckRequest) => void = () => undefined) {
  const api = {
    subscribeMessage: {
      async send({ touser, templateId, page, data }: SendParams) {
        if (!touser || !templateId || !data) {
          throw Object.assign(new Error('openapi.subscribeMessage.send:fail invalid args'), { errCode: 47003 })
        }
        outbox.record({ openid: touser, templateId, page, data, sentAt: new Date().toISOString() })
        return { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' }
      },
    },
    security: {
      async msgSecCheck(params: MsgSecCheckParams) {
        return msgSecCheck(params)
      },
      async mediaCheckAsync({ media_url, openid }: { media_url: string; openid?: string }) {
        const traceId = `local-media-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
        // WeChat answers later, by message push; so does the local cloud, once this call returns.
        setTimeout(() => onMediaCheck({ traceId, mediaUrl: media_url, openid }), 0)
        return { errCode: 0, errMsg: 'openapi.security.mediaCheckAsync:ok', traceId }
      },
    },
  }
  // `cloud.openapi({ appid })` (cross-account calls) answers with the same API.
  return Object.assign(() => api, api)
}
