import Taro from '@tarojs/taro'
import type { ActionName, Api, InputOf, OutputOf } from '@/domain/contract'
import type { Envelope } from '@/domain/envelope'
import { DEFAULT_MESSAGES, isErrorCode } from '@/domain/errors'
import { currentDevOpenid } from './dev-identity'
import { NETWORK_MESSAGE, ServiceError, TIMEOUT_MESSAGE } from './service-error'

declare const CLOUD_ENV_ID: string

/** Called once at launch; on H5 there is no `Taro.cloud` and nothing to initialise. */
export function initCloud(): void {
  if (process.env.TARO_ENV === 'weapp') Taro.cloud.init({ env: CLOUD_ENV_ID, traceUser: true })
}

/** H5 only: a POST to the local cloud as the chosen demo identity (on WeChat, identity comes from the platform). */
export function postToLocalCloud(path: string, body: unknown): Promise<Response> {
  return fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': currentDevOpenid() },
    body: JSON.stringify(body),
  })
}

/** How the platform reports a call that got no answer from the function. */
type PlatformFailure = { errCode?: number; errMsg?: string; message?: string }

/** CloudBase's code for a function stopped at its timeout ("Invoking task timed out after N seconds"). */
const FUNCTION_TIMED_OUT = -504003

async function transport(name: string, data: Record<string, unknown>): Promise<unknown> {
  if (process.env.TARO_ENV === 'weapp') {
    const { result } = await Taro.cloud.callFunction({ name, data })
    return result
  }
  const response = await postToLocalCloud(`/api/functions/${name}`, data)
  if (response.status !== 200) {
    // Not an envelope: the platform's own failure, e.g. 504 { errCode: -504003 } past the timeout.
    const failure = (await response.json().catch(() => ({}))) as PlatformFailure
    throw Object.assign(new Error(`HTTP ${response.status}`), { errCode: failure.errCode, errMsg: failure.errMsg })
  }
  return response.json()
}

/** On WeChat the code may only be inside the message (`cloud.callFunction:fail Error: errCode: -504003 | …`). */
function timedOut(error: unknown): boolean {
  const { errCode, errMsg, message } = (error ?? {}) as PlatformFailure
  return errCode === FUNCTION_TIMED_OUT || /-504003|timed out/.test(`${errMsg ?? ''} ${message ?? ''}`)
}

function isEnvelope(value: unknown): value is Envelope<unknown> {
  return !!value && typeof value === 'object' && typeof (value as { ok?: unknown }).ok === 'boolean'
}

let answered = 0
/** How many calls the functions have answered so far: a kept answer older than the last may be out of date. */
export const callsAnswered = (): number => answered

/** Calls one action; resolves with its data or rejects with a `ServiceError`. */
async function call<T>(name: string, action: string, input: object): Promise<T> {
  let result: unknown
  try {
    result = await transport(name, { ...input, action })
  } catch (error) {
    throw new ServiceError('NETWORK', timedOut(error) ? TIMEOUT_MESSAGE : NETWORK_MESSAGE)
  }
  if (!isEnvelope(result)) throw new ServiceError('INTERNAL', DEFAULT_MESSAGES.INTERNAL)
  if (result.ok) {
    answered += 1
    return result.data as T
  }
  const code = isErrorCode(result.code) ? result.code : 'INTERNAL'
  throw new ServiceError(code, result.message || DEFAULT_MESSAGES[code], result.fields)
}

/**
 * One document of a collection the app may read directly (`clientRead` in cloudfunctions/database.json,
 * 数据权限「所有用户可读」): one database read, no function call. Null when there is none.
 */
export async function readOpenDocument<T>(collection: string, id: string): Promise<T | null> {
  try {
    if (process.env.TARO_ENV === 'weapp') {
      const { data } = await Taro.cloud.database().collection(collection).doc(id).get({})
      return data as T
    }
    const response = await postToLocalCloud('/api/database/doc', { collection, id })
    if (response.status !== 200) throw new Error(`HTTP ${response.status}`)
    return ((await response.json()) as { data: T | null }).data
  } catch (error) {
    // The mini-program's SDK fails a get of a document that does not exist.
    if (/does not exist/.test(String((error as { errMsg?: string }).errMsg ?? error))) return null
    throw new ServiceError('NETWORK', NETWORK_MESSAGE)
  }
}

/** A typed client of one cloud function: `client('me', {})` knows the input and output of `me`. */
export function createClient<A extends Api>(name: string) {
  return <K extends ActionName<A>>(action: K, input: InputOf<A, K>): Promise<OutputOf<A, K>> =>
    call<OutputOf<A, K>>(name, action, input as object)
}
