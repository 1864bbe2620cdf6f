import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Envelope } from '@/domain/envelope'
import { startLocalCloud, type LocalCloud } from './server'

export type TestCloud = LocalCloud & {
  dataDir: string
  /** POSTs an event to a function as `openid`, the way the H5 app does. */
  call<T = unknown>(fn: string, openid: string, event: Record<string, unknown>): Promise<Envelope<T>>
  /** Every document of a collection, straight from the store. */
  docs(collection: string): Array<Record<string, unknown>>
  /** The person accepted these templates in WeChat's prompt: one message each may reach them. */
  grantSubscriptions(openid: string, templateIds: string[]): void
  stop(): Promise<void>
}

/** Function and race tests run with database requests taking real, varying time, as on CloudBase. */
export const TEST_DB_LATENCY = process.env.DB_LATENCY_MS ?? '1-8'

/**
 * A local cloud for one test file: its own data folder, a free port, the functions from source,
 * seeded with the demo data. Tests talk to it over HTTP and read the store directly to check
 * what was (or was not) written.
 */
export async function startTestCloud(
  options: { seed?: boolean; dbLatencyMs?: string | number; openApiLatencyMs?: string | number; coldStartMs?: string | number; extraFunctionDirs?: string[] } = {},
): Promise<TestCloud> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'boai-test-'))
  const cloud = await startLocalCloud({
    dataDir,
    port: 0,
    functionsFrom: 'source',
    seed: options.seed ?? true,
    dbLatencyMs: options.dbLatencyMs ?? TEST_DB_LATENCY,
    openApiLatencyMs: options.openApiLatencyMs,
    coldStartMs: options.coldStartMs,
    extraFunctionDirs: options.extraFunctionDirs,
  })
  return {
    ...cloud,
    dataDir,
    async call<T>(fn: string, openid: string, event: Record<string, unknown>) {
      const response = await fetch(`${cloud.url}/api/functions/${fn}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
        body: JSON.stringify(event),
      })
      if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${await response.text()}`)
      return (await response.json()) as Envelope<T>
    },
    docs: (collection) => cloud.store.find(collection, {}),
    grantSubscriptions: (openid, templateIds) => templateIds.forEach((templateId) => cloud.grants.record(openid, templateId, 'accept')),
    async stop() {
      await cloud.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** The data of an `ok` envelope; anything else fails the test with its code and message. */
export function unwrap<T>(result: Envelope<T>): T {
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`)
  return result.data
}
