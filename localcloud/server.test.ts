import { startLocalCloud } from './server'
import { startTestCloud, type TestCloud } from './testing'

/** The local cloud's HTTP contract (DESIGN.md §2), which outside checks rely on. */
let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
})
afterAll(() => cloud.stop())

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${cloud.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })

/** Every collection's documents, to prove a refused request wrote nothing. */
const snapshot = () => Object.fromEntries(cloud.store.collectionNames().map((name) => [name, cloud.docs(name)]))

test('GET /healthz answers 200 once the functions are loaded', async () => {
  const response = await fetch(`${cloud.url}/healthz`)
  expect(response.status).toBe(200)
  expect(await response.json()).toEqual({ ok: true, functions: ['aed', 'aedTimer', 'lesson', 'mediaCheck', 'member', 'notify', 'training', 'trainingTimer', 'user', 'volunteer', 'wish', 'wishTimer'] })
})

test('user.me as demo-staff answers ok with the staff role', async () => {
  const response = await post('/api/functions/user', '{"action":"me"}', { 'X-Wx-Openid': 'demo-staff' })
  expect(response.status).toBe(200)
  const body = await response.json()
  expect(body.ok).toBe(true)
  expect(body.data.roles).toContain('staff')
})

describe('refusals write nothing', () => {
  test.each([
    ['unknown function → 404', '/api/functions/nope', '{"action":"me"}', 404, undefined],
    ['body not JSON → 400', '/api/functions/user', '{"action":', 400, undefined],
    ['body a JSON array → 400', '/api/functions/user', '[1,2]', 400, undefined],
    ['unknown action → INVALID_INPUT', '/api/functions/user', '{"action":"dropAll"}', 200, 'INVALID_INPUT'],
    ['missing action → INVALID_INPUT', '/api/functions/notify', '{"page":1}', 200, 'INVALID_INPUT'],
    ['wrong field type → INVALID_INPUT', '/api/functions/notify', '{"action":"inbox","page":"first"}', 200, 'INVALID_INPUT'],
    ['out of range → INVALID_INPUT', '/api/functions/notify', '{"action":"inbox","pageSize":500}', 200, 'INVALID_INPUT'],
    ['wrong nested type → INVALID_INPUT', '/api/functions/notify', '{"action":"markRead","messageIds":[1,2]}', 200, 'INVALID_INPUT'],
  ])('%s', async (_name, path, body, status, code) => {
    const before = snapshot()
    const response = await post(path, body, { 'X-Wx-Openid': 'wx-never-seen' })
    expect(response.status).toBe(status)
    if (code) {
      const envelope = await response.json()
      expect(envelope).toMatchObject({ ok: false, code })
      expect(envelope.message).toMatch(/[\u4e00-\u9fa5]/)
    }
    expect(snapshot()).toEqual(before)
  })
})

test('the X-Wx-Openid header is refused unless the server runs in local mode', async () => {
  const production = await startLocalCloud({ dataDir: null, port: 0, functionsFrom: 'source', localMode: false })
  try {
    const response = await fetch(`${production.url}/api/functions/user`, {
      method: 'POST',
      headers: { 'x-wx-openid': 'demo-staff' },
      body: '{"action":"me"}',
    })
    expect(response.status).toBe(403)
    expect((await fetch(`${production.url}/api/dev/outbox`)).status).toBe(404)
  } finally {
    await production.close()
  }
})

test('GET /api/dev/outbox lists the subscribe messages sent, newest first', async () => {
  const response = await fetch(`${cloud.url}/api/dev/outbox`)
  expect(response.status).toBe(200)
  expect(await response.json()).toEqual({ items: [] })
})
