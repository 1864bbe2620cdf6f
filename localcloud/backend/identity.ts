import { AsyncLocalStorage } from 'node:async_hooks'

/** The WeChat context of one invocation, as the platform would put it in the environment. */
export type WxContext = { openid: string; appid: string }

const current = new AsyncLocalStorage<Record<string, string>>()

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
      const scoped = typeof key === 'string' ? current.getStore()?.[key] : undefined
      return scoped ?? Reflect.get(target, key)
    },
    has(target, key) {
      return (typeof key === 'string' && current.getStore()?.[key] !== undefined) || Reflect.has(target, key)
    },
  })
}

export function runAs<T>(context: WxContext, fn: () => Promise<T>): Promise<T> {
  return current.run(
    {
      WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID',
      WX_OPENID: context.openid,
      WX_APPID: context.appid,
      TCB_SOURCE: 'wx_client',
    },
    fn,
  )
}
