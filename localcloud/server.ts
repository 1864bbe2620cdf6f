import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import sirv from 'sirv'
import { clientRead } from './backend/client-read'
import { installLocalBackend } from './backend/install'
import { parseLatency } from './backend/latency'
import { MediaPushes, Outbox, parseSubscribeResults, SendFaults, SubscribeGrants, type MediaCheckRequest } from './backend/openapi'
import { FileStorage } from './backend/storage'
import { receiveUpload } from './backend/upload-endpoint'
import { readAtMost } from './http-body'
import { ensureNotifySettings } from './notify-settings'
import { ensureFunctionSecrets } from './secrets'
import { FunctionHost, InvocationTimeoutError } from './function-host'
import { DEMO_IDENTITIES } from './seed/demo-data'
import { addDemoFund, seedIfEmpty } from './seed/seed'
import { DocumentStore } from './store/document-store'
import { UsageMeter } from './usage'

export type LocalCloudOptions = {
  /** Data folder of the store and files; null keeps everything in memory. */
  dataDir: string | null
  port?: number
  host?: string
  /** Run the deployable bundles (`dist`) or the TypeScript sources (tests). */
  functionsFrom?: 'dist' | 'source'
  /** Serve the H5 build from this folder; omitted, only the API is served. */
  staticDir?: string
  /** Accept `X-Wx-Openid` and expose the dev endpoints. Only ever true on a developer's machine. */
  localMode?: boolean
  seed?: boolean
  /** Run the timer triggers of the functions' `config.json` on their cron, checked every minute (`npm start`; tests call the functions instead). */
  runTimers?: boolean
  /** Network delay of each database request, ms or a range `1-8` (`DB_LATENCY_MS`). */
  dbLatencyMs?: string | number
  /** Network delay of each open-API and storage call, ms or a range `100-300` (`OPENAPI_LATENCY_MS`). */
  openApiLatencyMs?: string | number
  /** Start-up time of each new function instance, ms or a range (`COLD_START_MS`). */
  coldStartMs?: string | number
  /** Sees every database request (the bench counts them per call). */
  onDatabaseRequest?: (action: string) => void
  /** `FUNCTIONS_DIR`: more deployable function folders (`<name>/index.js`) hosted beside the project's own. */
  extraFunctionDirs?: string[]
  /** Delay of each photo verdict's push after its request, ms or a range (`MEDIA_PUSH_DELAY_MS`, default `0-500`). */
  mediaPushDelayMs?: string | number
  /** Caps every temporary link's lifetime, in seconds (`TEMP_URL_MAX_AGE_S`): expiry seen in minutes, not hours. */
  tempUrlMaxAgeS?: number
}

export type LocalCloud = {
  url: string
  store: DocumentStore
  outbox: Outbox
  grants: SubscribeGrants
  sendFaults: SendFaults
  /** When photo verdicts are pushed; tests may set `mediaPushes.timing`. */
  mediaPushes: MediaPushes
  functions: FunctionHost
  /** What the functions spent, in CloudBase's billing units (`GET /api/dev/usage`). */
  usage: UsageMeter
  close(): Promise<void>
}

const MAX_BODY_BYTES = 5 * 1024 * 1024

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) })
  res.end(text)
}

/** A JSON body as text, or null past the limit (CloudBase caps a call's event size too). */
async function readBody(req: http.IncomingMessage): Promise<string | null> {
  return (await readAtMost(req, MAX_BODY_BYTES))?.toString('utf8') ?? null
}

function parseEvent(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text)
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}

/**
 * The verdict on a photo, pushed to the `mediaCheck` function as WeChat's message push does.
 * The local verdict: a photo whose path says "risky" fails, one that says "review" is unsure
 * (staff decide); everything else passes.
 */
async function deliverMediaCheck(functions: FunctionHost | undefined, { traceId, mediaUrl, openid }: MediaCheckRequest): Promise<void> {
  if (!functions?.has('mediaCheck')) return
  const path = new URL(mediaUrl).pathname
  const suggest = path.includes('risky') ? 'risky' : path.includes('review') ? 'review' : 'pass'
  await functions.invoke('mediaCheck', { MsgType: 'event', Event: 'wxa_media_check', trace_id: traceId, version: 2, result: { suggest, label: suggest === 'pass' ? 100 : 20002 } }, openid ?? '')
}

/** The cloud path a `/files/…` request names (as the link was signed, unescaped); '' when malformed. */
function cloudPathOf(pathname: string): string {
  try {
    return decodeURIComponent(pathname.slice('/files/'.length))
  } catch {
    return ''
  }
}

/** An invocation the platform starts (message push, timer) has nobody to answer; a timeout is logged already. */
function inBackground(run: Promise<unknown> | undefined): Promise<void> {
  return (run ?? Promise.resolve()).then(
    () => undefined,
    (error: unknown) => {
      if (!(error instanceof InvocationTimeoutError)) console.error('[localcloud] background invocation failed', error instanceof Error ? error.stack : error)
    },
  )
}

/** A timer trigger's invocation, with the event CloudBase sends (`Type`, `TriggerName`, `Time`) and no caller. */
const fireTimer = (functions: FunctionHost, functionName: string, trigger: string, at: Date) =>
  functions.invoke(functionName, { Type: 'Timer', TriggerName: trigger, Time: at.toISOString() }, '')

/** Each minute, at its start, invokes the functions whose timer trigger's cron fires in that minute. */
function startTimers(functions: FunctionHost): { stop(): void } {
  let tick: NodeJS.Timeout | undefined
  const fire = () => {
    const at = new Date()
    for (const { functionName, trigger } of functions.firingTimers(at)) void inBackground(fireTimer(functions, functionName, trigger, at))
  }
  const schedule = () => {
    tick = setTimeout(() => {
      fire()
      schedule()
    }, 60_000 - (Date.now() % 60_000))
  }
  schedule()
  return { stop: () => clearTimeout(tick) }
}

/** Starts the local cloud: store, functions, file storage, open-API stand-ins and the H5 app. */
export async function startLocalCloud(options: LocalCloudOptions): Promise<LocalCloud> {
  const { dataDir, port = 8787, host = '127.0.0.1', functionsFrom = 'dist', staticDir, localMode = true, seed = true, runTimers = false, dbLatencyMs, openApiLatencyMs, coldStartMs, extraFunctionDirs, onDatabaseRequest, mediaPushDelayMs = '0-500', tempUrlMaxAgeS } = options
  const store = DocumentStore.open(dataDir)
  ensureFunctionSecrets(dataDir)
  ensureNotifySettings()
  if (seed && !seedIfEmpty(store)) addDemoFund(store)
  const storage = new FileStorage(dataDir ? path.join(dataDir, 'files') : path.join(os.tmpdir(), `boai-files-${process.pid}`), tempUrlMaxAgeS)
  const outbox = new Outbox()
  const grants = new SubscribeGrants()
  const sendFaults = new SendFaults()
  const mediaPushes = new MediaPushes({ kind: 'delay', delayMs: parseLatency(mediaPushDelayMs) })
  const usage = new UsageMeter()
  let functions: FunctionHost | undefined
  installLocalBackend({ store, storage, outbox, grants, sendFaults, dbLatencyMs, openApiLatencyMs, onDatabaseRequest, usage, mediaPushes, onMediaCheck: (request) => inBackground(deliverMediaCheck(functions, request)) })
  functions = FunctionHost.load(functionsFrom, extraFunctionDirs, { coldStartMs, usage })
  const serveApp = staticDir && fs.existsSync(staticDir) ? sirv(staticDir, { single: true, dev: false, etag: true }) : null
  fs.mkdirSync(storage.root, { recursive: true })
  const serveFiles = sirv(storage.root, { dev: true })

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://local')
    try {
      if (req.method === 'GET' && url.pathname === '/healthz') {
        return send(res, 200, { ok: true, functions: functions.names() })
      }
      const fn = url.pathname.match(/^\/api\/functions\/([^/]+)$/)
      if (fn) {
        if (req.method !== 'POST') return send(res, 405, { error: 'use POST' })
        if (!functions.has(fn[1])) return send(res, 404, { error: `unknown function ${fn[1]}` })
        const text = await readBody(req)
        if (text === null) return send(res, 413, { error: `body larger than ${MAX_BODY_BYTES} bytes` })
        const event = parseEvent(text)
        if (!event) return send(res, 400, { error: 'body must be a JSON object' })
        const header = req.headers['x-wx-openid']
        if (header !== undefined && !localMode) return send(res, 403, { error: 'X-Wx-Openid is accepted in local mode only' })
        const openid = typeof header === 'string' ? header.trim() : ''
        try {
          return send(res, 200, await functions.invoke(fn[1], event, openid))
        } catch (error) {
          // The function never answered: CloudBase's own failure, not an envelope.
          if (error instanceof InvocationTimeoutError) return send(res, 504, { errCode: error.errCode, errMsg: error.errMsg })
          throw error
        }
      }
      if (url.pathname === '/api/database/doc') {
        // The app's direct read of a document (H5 stands in for the mini-program's db.collection(c).doc(id).get()).
        if (req.method !== 'POST') return send(res, 405, { error: 'use POST' })
        const text = await readBody(req)
        if (text === null) return send(res, 413, { error: `body larger than ${MAX_BODY_BYTES} bytes` })
        const { status, body } = clientRead(store, usage, parseEvent(text))
        return send(res, status, body)
      }
      if (localMode && req.method === 'GET' && url.pathname === '/api/dev/outbox') {
        return send(res, 200, { items: outbox.list(url.searchParams.get('openid') ?? undefined) })
      }
      if (localMode && req.method === 'POST' && url.pathname === '/api/storage/upload') {
        const openid = typeof req.headers['x-wx-openid'] === 'string' ? req.headers['x-wx-openid'].trim() : ''
        const isStaff = (id: string) => store.find('users', { _id: id }).some((user) => Array.isArray(user.roles) && user.roles.includes('staff'))
        const { status, body } = await receiveUpload(req, url, openid, storage, isStaff)
        return send(res, status, body)
      }
      if (localMode && req.method === 'POST' && url.pathname === '/api/dev/subscribe') {
        // H5 stands in for wx.requestSubscribeMessage: the person's choices reach WeChat's side, as in the WeChat client.
        const openid = typeof req.headers['x-wx-openid'] === 'string' ? req.headers['x-wx-openid'].trim() : ''
        const results = parseSubscribeResults(parseEvent((await readBody(req)) ?? '')?.results)
        if (!openid || !results) return send(res, 400, { error: 'X-Wx-Openid and results { templateId: accept | reject | ban } (at most 3) required' })
        for (const [templateId, choice] of Object.entries(results)) grants.record(openid, templateId, choice)
        return send(res, 200, { ok: true })
      }
      if (localMode && req.method === 'GET' && url.pathname === '/api/dev/usage') {
        return send(res, 200, usage.report())
      }
      if (localMode && req.method === 'POST' && url.pathname === '/api/dev/usage/reset') {
        usage.reset()
        return send(res, 200, { ok: true })
      }
      const timer = url.pathname.match(/^\/api\/dev\/timers\/([^/]+)$/)
      if (localMode && timer && req.method === 'POST') {
        // Fires the function's timer trigger now, or as if at `at` (the event's Time), as its cron would.
        const [trigger] = functions.timersOf(timer[1])
        if (!trigger) return send(res, 404, { error: `${timer[1]} has no timer trigger` })
        const at = new Date(url.searchParams.get('at') ?? Date.now())
        if (Number.isNaN(at.getTime())) return send(res, 400, { error: 'at must be an ISO 8601 time' })
        return send(res, 200, { trigger, result: await fireTimer(functions, timer[1], trigger, at) })
      }
      if (localMode && req.method === 'GET' && url.pathname === '/api/dev/identities') {
        return send(res, 200, { items: DEMO_IDENTITIES })
      }
      if (req.method === 'GET' && url.pathname.startsWith('/files/')) {
        // Uploaded files are data, never pages of the app's origin: images (and import templates) only, not sniffed, sandboxed.
        if (!/\.(jpe?g|png|webp|gif|mp4|xlsx)$/i.test(url.pathname)) return send(res, 404, { error: 'no such file' })
        // Only through a temporary link, until it expires: CloudBase's links carry `sign` and `t` like
        // Tencent Cloud CDN's TypeD authentication, which answers 403 to a wrong or expired signature
        // (https://www.tencentcloud.com/zh/document/product/228/35225).
        const refusal = storage.refusal(cloudPathOf(url.pathname), url.searchParams)
        if (refusal) return send(res, 403, { error: `temporary link ${refusal}` })
        res.setHeader('x-content-type-options', 'nosniff')
        res.setHeader('content-security-policy', 'sandbox')
        // A workbook (an import template) is saved, never opened in the page.
        if (/\.xlsx$/i.test(url.pathname)) res.setHeader('content-disposition', 'attachment')
        req.url = url.pathname.slice('/files'.length)
        return serveFiles(req, res, () => send(res, 404, { error: 'no such file' }))
      }
      if (serveApp && (req.method === 'GET' || req.method === 'HEAD')) {
        return serveApp(req, res, () => send(res, 404, { error: 'not found' }))
      }
      send(res, 404, { error: 'not found' })
    } catch (error) {
      console.error('[localcloud] request failed', error instanceof Error ? error.stack : error)
      if (!res.headersSent) send(res, 500, { error: 'internal error' })
    }
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, resolve)
  })
  const timers = runTimers ? startTimers(functions) : { stop: () => undefined }
  const address = server.address() as AddressInfo
  const url = `http://${host}:${address.port}`
  storage.setOrigin(url)
  return {
    url,
    store,
    outbox,
    grants,
    sendFaults,
    mediaPushes,
    functions,
    usage,
    close: () =>
      new Promise<void>((resolve) => {
        timers.stop()
        server.close(() => {
          void mediaPushes.settle().then(() => {
            store.close()
            resolve()
          })
        })
        server.closeAllConnections()
      }),
  }
}
