import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { NOTIFY_KINDS } from '@/domain/notify/kinds'
import { ownedId } from '../cloudfunctions/_kit/ids'
import { startLocalCloud } from '../localcloud/server'
import { DEMO_COMMUNITIES } from '../localcloud/seed/demo-data'

type Row = [string, string]
const RESPONDERS = 1_000
const ALERTS = 100

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
const ms = (value: number) => `${value.toFixed(2)} ms`

/**
 * 紧急呼 dispatch (issue #22): 1,000 responders placed around the three communities (1–3 places
 * each, half certified, half staff-verified medics, 1 in 10 off duty, half holding a grant of the
 * alert template), 100 alerts raised at random points near them, database requests taking 10 ms.
 * `raise` answers once every alert is written to the inbox and sent: its time is the time from
 * raise to the last alert queued. The matching query is one geo query served by the 2dsphere
 * index (the store refuses any query no declared index serves).
 */
export async function dispatchRows(functionsFrom: 'dist' | 'source' = 'dist'): Promise<Row[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'boai-dispatch-'))
  const counter = { n: 0 }
  const cloud = await startLocalCloud({ dataDir, port: 0, functionsFrom, dbLatencyMs: 10, onDatabaseRequest: () => (counter.n += 1) })
  let seed = 20_261_203
  const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647)
  // Around a station, up to `meters` away, uniformly over the disc.
  const around = (meters: number) => {
    const c = DEMO_COMMUNITIES[Math.floor(rand() * DEMO_COMMUNITIES.length)].location
    const r = (Math.sqrt(rand()) * meters) / 111_195
    const a = rand() * 2 * Math.PI
    return { latitude: c.latitude + r * Math.sin(a), longitude: c.longitude + (r * Math.cos(a)) / Math.cos((c.latitude * Math.PI) / 180) }
  }
  cloud.store.remove('responderPlaces', {})
  cloud.store.remove('responders', {})
  const responders: Array<Record<string, unknown>> = []
  const places: Array<Record<string, unknown>> = []
  const certificates: Array<Record<string, unknown>> = []
  const grants: Array<Record<string, unknown>> = []
  const templateId = NOTIFY_KINDS.rescue_alert.templateId
  for (let i = 0; i < RESPONDERS; i += 1) {
    const openid = `bench-responder-${i}`
    const medic = i % 2 === 0
    const onDuty = i % 10 !== 9
    const areas = Array.from({ length: 1 + (i % 3) }, (_unused, n) => ({ label: `地点${n + 1}`, ...around(2500) }))
    const radiusMeters = [500, 1000, 1000, 2000][i % 4]
    responders.push({ _id: ownedId('rp', openid), openid, enrolled: true, consentAt: new Date(), onDuty, areas, radiusMeters, medic: medic ? { profession: 'nurse', note: 'bench', by: 'demo-staff', at: new Date(), communityId: 'dadu' } : null, answered: 0 })
    areas.forEach((area, n) => places.push({ _id: `${ownedId('rp', openid)}-${n}`, openid, location: { type: 'Point', coordinates: [area.longitude, area.latitude] }, radiusMeters, onDuty, medic }))
    if (!medic) certificates.push({ _id: `bench-ce-${i}`, openid, number: `B${i}`, issuer: 'bench', name: 'bench', issuedOn: '2025-01-01', validUntil: '2099-12-31', sessionId: 'bench', sessionTitle: 'bench', remindedOn: null })
    if (i % 2 === 1) {
      grants.push({ _id: openid, grants: { rescue_alert: 3 } })
      for (let g = 0; g < 3; g += 1) cloud.grants.record(openid, templateId, 'accept')
    }
  }
  cloud.store.insert('responders', responders)
  cloud.store.insert('responderPlaces', places)
  cloud.store.insert('certificates', certificates)
  cloud.store.insert('subscriptions', grants)

  const times: number[] = []
  const alerted: number[] = []
  let requests = 0
  let withThreeNear = 0
  for (let i = 0; i < ALERTS; i += 1) {
    const patient = around(2000)
    counter.n = 0
    const start = performance.now()
    const response = await fetch(`${cloud.url}/api/functions/rescue`, {
      method: 'POST',
      headers: { 'x-wx-openid': `bench-raiser-${i}` },
      body: JSON.stringify({ action: 'raise', ...patient, kind: 'cardiac_arrest', note: '', called120: true, requestId: `bench-alert-${i}` }),
    })
    const body = (await response.json()) as { ok: boolean; data?: { alertId: string; alerted: number }; code?: string; message?: string }
    times.push(performance.now() - start)
    if (!body.ok || !body.data) throw new Error(`rescue.raise failed during the bench: ${body.code} ${body.message}`)
    requests = Math.max(requests, counter.n)
    alerted.push(body.data.alerted)
    const near = cloud.store.find('rescueRecipients', { alertId: body.data.alertId }).filter((r) => (r.distanceMeters as number) <= 1000)
    if (near.length >= 3) withThreeNear += 1
  }
  await cloud.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
  times.sort((a, b) => a - b)
  const sortedAlerted = [...alerted].sort((a, b) => a - b)
  const label = `rescue dispatch, ${RESPONDERS.toLocaleString('en')} responders, ${ALERTS} alerts (DB_LATENCY_MS=10)`
  return [
    [`${label}: raise → last alert queued p50 / p95`, `${ms(percentile(times, 50))} / ${ms(percentile(times, 95))}`],
    [`${label}: responders alerted per alert min / median / max`, `${sortedAlerted[0]} / ${percentile(sortedAlerted, 50)} / ${sortedAlerted[sortedAlerted.length - 1]}`],
    [`${label}: alerts with ≥ 3 responders within 1 km`, `${((withThreeNear / ALERTS) * 100).toFixed(0)}%`],
    [`${label}: database requests per raise (most)`, `${requests} (matching: one geo query on the 2dsphere index, one certificate read)`],
  ]
}

// `npx tsx scripts/bench-dispatch.ts`: this part of the bench alone, from source.
if (process.argv[1]?.endsWith('bench-dispatch.ts')) {
  void dispatchRows('source').then((rows) => {
    for (const [measure, value] of rows) console.log(`| ${measure} | ${value} |`)
  })
}
