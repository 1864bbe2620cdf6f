import { AsyncLocalStorage } from 'node:async_hooks'
import type { RequestMeter } from '../usage'

/** One invocation as the platform runs it: the caller's WeChat context and the function's limits. */
export type Invocation = {
  openid: string
  appid: string
  /** The function running; absent when a test calls function code directly. */
  functionName?: string
  /** The open APIs its `config.json` `permissions.openapi` lists; none when absent, as on CloudBase. */
  openapi?: readonly string[]
  /** Aborted when the function's timeout has passed: CloudBase has stopped it by then. */
  signal?: AbortSignal
  /** Counts its database requests and sequential round trips. */
  meter?: RequestMeter
}

type Scope = { env: Record<string, string>; invocation: Invocation }

const current = new AsyncLocalStorage<Scope>()

/**
 * `cloud.getWXContext()` reads `process.env` (WX_CONTEXT_KEYS, WX_OPENID, …) at call time, as
 * on CloudBase where each instance serves one invocation at a time. Here invocations overlap in
 * one process, so those keys are answered per async context instead of from the shared env.
 */
export function installPerInvocationEnv(): void {
  if ((process.env as { __perInvocation?: boolean }).__perInvocation) return
  const base = process.env
  process.env = new Proxy(base, {
    get(target, key) {
      if (key === '__perInvocation') return true
      const scoped = typeof key === 'string' ? current.getStore()?.env[key] : undefined
      return scoped ?? Reflect.get(target, key)
    },
    has(target, key) {
      return (typeof key === 'string' && current.getStore()?.env[key] !== undefined) || Reflect.has(target, key)
    },
    // Set on the real env itself: through the proxy as receiver, changing an existing variable
    // would define it with a bare value descriptor, which Node's process.env refuses.
    set(target, key, value) {
      return Reflect.set(target, key, value)
    },
  })
}

export function runAs<T>(invocation: Invocation, fn: () => Promise<T>): Promise<T> {
  const env = {
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID',
    WX_OPENID: invocation.openid,
    WX_APPID: invocation.appid,
    TCB_SOURCE: 'wx_client',
  }
  return current.run({ env, invocation }, fn)
}

/** The invocation the calling code runs in, if any. */
export function currentInvocation(): Invocation | undefined {
  return current.getStore()?.invocation
}

/** Refuses work an invocation starts after its timeout: on CloudBase it would never happen. */
export function assertNotTimedOut(): void {
  const invocation = currentInvocation()
  if (invocation?.signal?.aborted) {
    throw new Error(`[localcloud] ${invocation.functionName ?? 'the invocation'} is past its timeout; CloudBase has stopped it`)
  }
}
