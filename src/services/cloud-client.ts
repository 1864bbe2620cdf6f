import Taro from '@tarojs/taro'
import type { ActionName, Api, InputOf, OutputOf } from '@/domain/contract'
import type { Envelope } from '@/domain/envelope'
import { DEFAULT_MESSAGES, isErrorCode } from '@/domain/errors'
import { currentDevOpenid } from './dev-identity'
import { NETWORK_MESSAGE, ServiceError } from './service-error'

declare const CLOUD_ENV_ID: string

/** Called once at launch; on H5 there is no `Taro.cloud` and nothing to initialise. */
export function initCloud(): void {
  if (process.env.TARO_ENV === 'weapp') Taro.cloud.init({ env: CLOUD_ENV_ID, traceUser: true })
}

async function transport(name: string, data: Record<string, unknown>): Promise<unknown> {
  if (process.env.TARO_ENV === 'weapp') {
    const { result } = await Taro.cloud.callFunction({ name, data })
    return result
  }
  const response = await fetch(`/api/functions/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': currentDevOpenid() },
    body: JSON.stringify(data),
  })
  if (!response.ok) throw new Error(`HTTP ${response.status}`)
  return response.json()
}

function isEnvelope(value: unknown): value is Envelope<unknown> {
  return !!value && typeof value === 'object' && typeof (value as { ok?: unknown }).ok === 'boolean'
}

/** Calls one action; resolves with its data or rejects with a `ServiceError`. */
async function call<T>(name: string, action: string, input: object): Promise<T> {
  let result: unknown
  try {
    result = await transport(name, { ...input, action })
  } catch {
    throw new ServiceError('NETWORK', NETWORK_MESSAGE)
  }
  if (!isEnvelope(result)) throw new ServiceError('INTERNAL', DEFAULT_MESSAGES.INTERNAL)
  if (result.ok) return result.data as T
  const code = isErrorCode(result.code) ? result.code : 'INTERNAL'
  throw new ServiceError(code, result.message || DEFAULT_MESSAGES[code], result.fields)
}

/** A typed client of one cloud function: `client('me', {})` knows the input and output of `me`. */
export function createClient<A extends Api>(name: string) {
  return <K extends ActionName<A>>(action: K, input: InputOf<A, K>): Promise<OutputOf<A, K>> =>
    call<OutputOf<A, K>>(name, action, input as object)
}
