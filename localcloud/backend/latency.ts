/**
 * Network latency as on CloudBase: every database request (`DB_LATENCY_MS`) and every open-API or
 * storage call (`OPENAPI_LATENCY_MS`) is a round trip, so concurrent invocations interleave
 * between their calls and a function's time goes where it goes in production. A setting is a
 * number of milliseconds or a range `1-8` drawn per call; empty or 0 means no delay.
 */
export type Latency = () => number

export function parseLatency(setting: string | number | undefined, name = 'DB_LATENCY_MS'): Latency {
  if (setting === undefined || setting === '' || setting === 0 || setting === '0') return () => 0
  const match = String(setting).trim().match(/^(\d+(?:\.\d+)?)(?:\s*-\s*(\d+(?:\.\d+)?))?$/)
  if (!match) throw new Error(`${name} must be a number of milliseconds or a range like 1-8 (got "${setting}")`)
  const low = Number(match[1])
  const high = match[2] === undefined ? low : Number(match[2])
  if (high < low) throw new Error(`${name} range ${setting} runs backwards`)
  return () => low + Math.random() * (high - low)
}

export const sleep = (ms: number) => (ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve())

/**
 * Runs `execute` the way a round trip would: the request travels for part of the drawn delay,
 * runs at once on the server (atomic, like one CloudBase request), and the answer travels back
 * for the rest.
 */
export async function roundTrip<T>(latency: Latency, execute: () => T): Promise<T> {
  const total = latency()
  const there = Math.random() * total
  await sleep(there)
  const result = execute()
  await sleep(total - there)
  return result
}

/**
 * `roundTrip` for a call answered asynchronously (an open API, a file): a failure travels back
 * too, taking the rest of the delay before it reaches the caller.
 */
export async function remoteCall<T>(latency: Latency, execute: () => Promise<T>): Promise<T> {
  const total = latency()
  const there = Math.random() * total
  await sleep(there)
  const outcome = await execute().then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  )
  await sleep(total - there)
  if (!outcome.ok) throw outcome.error
  return outcome.value
}

/** The same call, taking one round trip of `latency`. */
export function delayed<A extends unknown[], R>(latency: Latency, method: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return (...args) => remoteCall(latency, () => method(...args))
}

type AsyncMethod = (...args: never) => Promise<unknown>

/**
 * An API of namespaces of async methods (`cloud.openapi`: `subscribeMessage.send`,
 * `security.msgSecCheck`, …), each method taking one round trip of `latency`.
 */
export function delayedNamespaces<T extends Record<string, Record<string, AsyncMethod>>>(latency: Latency, api: T): T {
  return Object.fromEntries(
    Object.entries(api).map(([namespace, methods]) => [namespace, Object.fromEntries(Object.entries(methods).map(([name, method]) => [name, delayed(latency, method as (...args: unknown[]) => Promise<unknown>)]))]),
  ) as unknown as T
}
