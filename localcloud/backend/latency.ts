/**
 * Network latency of database requests (`DB_LATENCY_MS`): on CloudBase every request is a
 * round trip, so concurrent invocations interleave between their reads and writes. A setting is
 * a number of milliseconds or a range `1-8` drawn per request; empty or 0 means no delay.
 */
export type Latency = () => number

export function parseLatency(setting: string | number | undefined): Latency {
  if (setting === undefined || setting === '' || setting === 0 || setting === '0') return () => 0
  const match = String(setting).trim().match(/^(\d+(?:\.\d+)?)(?:\s*-\s*(\d+(?:\.\d+)?))?$/)
  if (!match) throw new Error(`DB_LATENCY_MS must be a number of milliseconds or a range like 1-8 (got "${setting}")`)
  const low = Number(match[1])
  const high = match[2] === undefined ? low : Number(match[2])
  if (high < low) throw new Error(`DB_LATENCY_MS range ${setting} runs backwards`)
  return () => low + Math.random() * (high - low)
}

const sleep = (ms: number) => (ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve())

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
