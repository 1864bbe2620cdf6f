import { createRequire } from 'node:module'
import type { DocumentStore } from '../store/document-store'
import { handleDatabaseRequest } from './database-wire'
import { assertNotTimedOut, currentInvocation, installPerInvocationEnv } from './identity'
import { delayed, delayedNamespaces, parseLatency, roundTrip } from './latency'
import { createOpenApi, SubscribeGrants, type MediaCheckRequest, type MediaPushes, type Outbox, type SendFaults } from './openapi'
import type { FileStorage } from './storage'
import type { UsageMeter } from '../usage'

type Send = (action: string, data: Record<string, unknown>, opts?: unknown) => Promise<unknown>
type WxServerSdk = Record<string, unknown>

const sdkRequire = createRequire(createRequire(__filename).resolve('wx-server-sdk'))

/** The module instance every function gets from `require('wx-server-sdk')`. */
export const wxServerSdk = (): WxServerSdk => sdkRequire('wx-server-sdk') as WxServerSdk

/** Where every database call of `@cloudbase/database` ends (`Db.reqClass` is rebuilt per call). */
const requesterPrototype = (): { send: Send } =>
  sdkRequire('@cloudbase/node-sdk/dist/utils/tcbdbapirequester').TcbDBApiHttpRequester.prototype

export type Backend = {
  store: DocumentStore
  storage: FileStorage
  outbox: Outbox
  /** WeChat's record of one-time subscriptions; omitted, nobody has subscribed to anything. */
  grants?: SubscribeGrants
  /** Passing failures of subscribe-message sends, injected by tests. */
  sendFaults?: SendFaults
  /** Sees every database request as the SDK sent it (the wire-format contract test). */
  onDatabaseRequest?: (action: string, params: Record<string, unknown>) => void
  /** Delivers the verdict of an asynchronous photo check, as WeChat's message push would. */
  onMediaCheck?: (request: MediaCheckRequest) => Promise<void>
  /** When those verdicts are pushed (a random delay unless a test sets it). */
  mediaPushes?: MediaPushes
  /** `DB_LATENCY_MS`: each database request is answered after this network delay. */
  dbLatencyMs?: string | number
  /** `OPENAPI_LATENCY_MS`: each open-API and storage call is answered after this network delay. */
  openApiLatencyMs?: string | number
  /** Counts every database request as CloudBase bills it, for the function that sent it. */
  usage?: UsageMeter
}

/**
 * Points the unmodified `wx-server-sdk` at the local cloud: its database requests are answered
 * by the embedded store, its storage and open-API calls by local stand-ins, and its WeChat
 * context comes from the invocation. Function code stays exactly what is deployed.
 */
export function installLocalBackend({ store, storage, outbox, grants = new SubscribeGrants(), sendFaults, onDatabaseRequest, onMediaCheck, mediaPushes, dbLatencyMs, openApiLatencyMs, usage }: Backend): void {
  installPerInvocationEnv()
  const latency = parseLatency(dbLatencyMs)
  requesterPrototype().send = async (action, data) => {
    assertNotTimedOut()
    onDatabaseRequest?.(action, data)
    const invocation = currentInvocation()
    usage?.database(action, invocation?.functionName)
    invocation?.meter?.begin()
    try {
      return await roundTrip(latency, () => handleDatabaseRequest(store, action, data))
    } finally {
      invocation?.meter?.end()
    }
  }
  const sdk = wxServerSdk()
  // WeChat's open APIs and cloud storage are services across the network too: every call is a round trip.
  const remote = parseLatency(openApiLatencyMs, 'OPENAPI_LATENCY_MS')
  const openapi = delayedNamespaces(remote, { ...createOpenApi(outbox, grants, onMediaCheck, sendFaults, mediaPushes) })
  // `cloud.openapi({ appid })` (cross-account calls) answers with the same API.
  sdk.openapi = Object.assign(() => openapi, openapi)
  sdk.uploadFile = delayed(remote, storage.uploadFile)
  sdk.getTempFileURL = delayed(remote, storage.getTempFileURL)
  sdk.deleteFile = delayed(remote, storage.deleteFile)
  sdk.downloadFile = delayed(remote, storage.downloadFile)
}
