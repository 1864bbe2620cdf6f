/** Stable machine codes of the response envelope (DESIGN.md §2). */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'CONTENT_REJECTED',
  'INTERNAL',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

/** What a person is told when the code is all we know. */
export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  INVALID_INPUT: '填写的信息有误，请检查后再试',
  UNAUTHENTICATED: '请先登录微信后再试',
  FORBIDDEN: '您没有权限进行这项操作',
  NOT_FOUND: '没有找到相关内容，可能已被删除',
  CONFLICT: '情况已有变化，请刷新后再试',
  RATE_LIMITED: '操作太频繁了，请稍后再试',
  CONTENT_REJECTED: '内容未通过安全检查，请修改后再提交',
  INTERNAL: '系统开小差了，请稍后再试',
}

/**
 * A failure that is part of the contract: its message is shown to the person as is.
 * Thrown by action handlers and rebuilt by the service client from `ok: false`.
 */
export class AppError extends Error {
  readonly code: ErrorCode
  /** Per-field messages for forms, keyed by field path (`guardian.phone`). */
  readonly fields?: Record<string, string>

  constructor(code: ErrorCode, message: string = DEFAULT_MESSAGES[code], fields?: Record<string, string>) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.fields = fields
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value)
}
