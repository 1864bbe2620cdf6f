/**
 * What the local cloud spends, in the units CloudBase bills an environment by (WeChat docs, 云开发 →
 * 配额, https://developers.weixin.qq.com/minigame/en/dev/wxcloud/basis/concepts/quota.html):
 * database reads and writes (counted per request, whatever the number of documents), function
 * invocations, and resource use in GB-s. Resource use is the function's configured memory times
 * its run time, to the millisecond (Tencent Cloud SCF 计费方式,
 * https://tencentcloud.com/zh/document/product/583/12284: "资源使用量 = 函数配置内存 × 运行时长",
 * e.g. 256 MB for 1760 ms = 0.44 GBs).
 */
export type Usage = { reads: number; writes: number; invocations: number; gbSeconds: number }

export type UsageReport = { since: string; total: Usage; functions: Record<string, Usage> }

/** One invocation's database requests, and how many of them the caller waited for one after another; `action` is the app's action or the timer trigger. */
export type InvocationUsage = { functionName: string; action?: string; requests: number; roundTrips: number; durationMs: number }

const READS = new Set(['database.getDocument', 'database.calculateDocument', 'database.aggregateDocuments'])
const WRITES = new Set(['database.insertDocument', 'database.modifyDocument', 'database.modifyAndReturnDoc', 'database.removeDocument'])

/** Requests outside any invocation (a test or the seed writing directly) are billed to nobody. */
const OUTSIDE = '(outside functions)'
/** The app's own reads of collections open to it (`clientRead`): billed reads, no invocation. */
export const APP_READS = '(app)'

const empty = (): Usage => ({ reads: 0, writes: 0, invocations: 0, gbSeconds: 0 })

/**
 * The database requests of one invocation. A request that starts while another of the same
 * invocation is still on its way goes side by side with it; one that starts when none is, is a new
 * sequential round trip: the depth a person waits through, whatever the latency.
 */
export class RequestMeter {
  requests = 0
  roundTrips = 0
  private inFlight = 0

  begin(): void {
    this.requests += 1
    if (this.inFlight === 0) this.roundTrips += 1
    this.inFlight += 1
  }

  end(): void {
    this.inFlight -= 1
  }
}

/** Keeps the last invocations' request counts, for tests of how many round trips an action takes. */
const RECENT_INVOCATIONS = 1000

export class UsageMeter {
  private since = new Date()
  private functions = new Map<string, Usage>()
  private recent: InvocationUsage[] = []

  private of(functionName: string | undefined): Usage {
    const name = functionName ?? OUTSIDE
    let usage = this.functions.get(name)
    if (!usage) this.functions.set(name, (usage = empty()))
    return usage
  }

  /** One database request as the SDK sent it; collection management is neither read nor write. */
  database(action: string, functionName: string | undefined): void {
    if (READS.has(action)) this.of(functionName).reads += 1
    else if (WRITES.has(action)) this.of(functionName).writes += 1
  }

  /** One finished invocation: its configured memory for its billed time. */
  invocation(record: InvocationUsage, memoryMb: number): void {
    const usage = this.of(record.functionName)
    usage.invocations += 1
    usage.gbSeconds += (memoryMb / 1024) * (record.durationMs / 1000)
    this.recent.push(record)
    if (this.recent.length > RECENT_INVOCATIONS) this.recent.shift()
  }

  /** The invocations finished since the last reset, oldest first (at most the last 1,000). */
  invocations(): InvocationUsage[] {
    return [...this.recent]
  }

  report(): UsageReport {
    const total = empty()
    const functions: Record<string, Usage> = {}
    for (const [name, usage] of [...this.functions].sort(([a], [b]) => a.localeCompare(b))) {
      functions[name] = { ...usage, gbSeconds: round(usage.gbSeconds) }
      total.reads += usage.reads
      total.writes += usage.writes
      total.invocations += usage.invocations
      total.gbSeconds += usage.gbSeconds
    }
    return { since: this.since.toISOString(), total: { ...total, gbSeconds: round(total.gbSeconds) }, functions }
  }

  reset(): void {
    this.since = new Date()
    this.functions.clear()
    this.recent = []
  }
}

const round = (gbSeconds: number) => Math.round(gbSeconds * 1000) / 1000

/** One line for the console: `npm start` prints it every hour. */
export function usageLine({ since, total }: UsageReport): string {
  const time = since.slice(11, 16)
  return `[usage since ${time} UTC] ${total.reads} reads, ${total.writes} writes, ${total.invocations} invocations, ${total.gbSeconds} GB-s`
}
