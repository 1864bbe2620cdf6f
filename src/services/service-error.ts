import { DEFAULT_MESSAGES, type ErrorCode } from '@/domain/errors'

export type ServiceErrorCode = ErrorCode | 'NETWORK'

/** The one error pages see from a cloud call: a stable code and a message to show as is. */
export class ServiceError extends Error {
  constructor(
    readonly code: ServiceErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message)
    this.name = 'ServiceError'
  }
}

export const NETWORK_MESSAGE = '网络不太顺畅，请检查网络后重试'
export const TIMEOUT_MESSAGE = '服务响应超时，请稍后再试'

/**
 * Whether trying again can help: not when the thing is gone, not theirs to see, or the request
 * itself is wrong (a page offers 重试 only for the rest: network, timeouts, busy servers).
 */
export function isRetryable(error: unknown): boolean {
  return !(error instanceof ServiceError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN' || error.code === 'UNAUTHENTICATED' || error.code === 'INVALID_INPUT'))
}

/** What to tell the person about any failure. */
export function messageOf(error: unknown): string {
  if (error instanceof ServiceError) return error.message
  return DEFAULT_MESSAGES.INTERNAL
}
