import type { ErrorCode } from './errors'

/** The one response shape of every cloud function action. */
export type Ok<T> = { ok: true; data: T }
export type Fail = { ok: false; code: ErrorCode; message: string; fields?: Record<string, string> }
export type Envelope<T> = Ok<T> | Fail

export const ok = <T>(data: T): Ok<T> => ({ ok: true, data })

export const fail = (code: ErrorCode, message: string, fields?: Record<string, string>): Fail =>
  fields ? { ok: false, code, message, fields } : { ok: false, code, message }
