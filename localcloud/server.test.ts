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
  expect(await response.json()).toEqual({ ok: true, functions: ['activity', 'aed', 'community', 'fund', 'import', 'lesson', 'mediaCheck', 'member', 'notify', 'photo', 'rescue', 'scheduler', 'stats', 'training', 'user', 'volunteer', 'wish'] })
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

describe('POST /api/storage/upload (H5 stand-in for wx.cloud.uploadFile)', () => {
  const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32)])
  const upload = (cloudPath: string, body: Buffer | string, openid = 'u-photos') =>
    fetch(`${cloud.url}/api/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
      method: 'POST',
      headers: { 'x-wx-openid': openid },
      body: typeof body === 'string' ? body : new Blob([new Uint8Array(body)]),
    })

  test("an image goes into the caller's own folder and is served as an image", async () => {
    const response = await upload('wishes/lamp.png', PNG)
    expect(response.status).toBe(200)
    const { fileID, tempFileURL } = (await response.json()) as { fileID: string; tempFileURL: string }
    expect(fileID).toMatch(/^cloud:\/\/local-boai\/uploads\/up[0-9a-f]{24}\/wishes\/lamp\.png$/)
    // The preview link the page shows: signed, short-lived.
    expect(tempFileURL).toBe(`${cloud.url}/files/${fileID.replace(/^cloud:\/\/[^/]+\//, '')}?sign=${new URL(tempFileURL).searchParams.get('sign')}&t=${new URL(tempFileURL).searchParams.get('t')}`)
    const served = await fetch(tempFileURL)
    expect(served.status).toBe(200)
    expect(served.headers.get('x-content-type-options')).toBe('nosniff')
  })

  // Tencent Cloud CDN's signed links (TypeD, `sign` and `t`) answer 403 to a missing, wrong or
  // expired signature: https://www.tencentcloud.com/zh/document/product/228/35225
  test('a file is served only through a signed, unexpired link: else 403', async () => {
    const { fileID, tempFileURL } = (await (await upload('wishes/signed.png', PNG)).json()) as { fileID: string; tempFileURL: string }
    const bare = `${cloud.url}/files/${fileID.replace(/^cloud:\/\/[^/]+\//, '')}`
    const t = Number(new URL(tempFileURL).searchParams.get('t'))
    expect((await fetch(bare)).status).toBe(403)
    // A different first character of the signature (replacing it with itself would change nothing).
    expect((await fetch(tempFileURL.replace(/sign=(\w)/, (_m, c: string) => `sign=${c === '0' ? '1' : '0'}`))).status).toBe(403)
    // A later expiry with the same signature is a forgery.
    expect((await fetch(tempFileURL.replace(`t=${t}`, `t=${t + 3600}`))).status).toBe(403)
  })


  test("another person's upload to the same path lands in their own folder; nobody overwrites a file", async () => {
    const mine = (await (await upload('wishes/same.png', PNG, 'u-a')).json()) as { fileID: string }
    const theirs = (await (await upload('wishes/same.png', PNG, 'u-b')).json()) as { fileID: string }
    expect(theirs.fileID).not.toBe(mine.fileID)
    expect((await upload('wishes/same.png', PNG, 'u-a')).status).toBe(409)
  })

  test.each([
    ['a path climbing out', 'wish/..', 400],
    ['a page', 'wishes/page.html', 400],
    ['no folder', 'lamp.png', 400],
    ['not an image, whatever its name', 'wishes/fake.png', 415],
  ])('%s (%s) → %s, never 500', async (_name, cloudPath, status) => {
    expect((await upload(cloudPath, cloudPath === 'wishes/fake.png' ? '<script>alert(1)</script>' : PNG)).status).toBe(status)
  })

  test('a body past 5 MB answers 413 instead of dropping the connection', async () => {
    expect((await upload('wishes/big.png', Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]))).status).toBe(413)
  })

  test('without an identity: 400', async () => {
    expect((await upload('wishes/x.png', PNG, '')).status).toBe(400)
  })

  test('files that are not images are never served from the app origin', async () => {
    expect((await fetch(`${cloud.url}/files/uploads/anything.html`)).status).toBe(404)
  })
})

test('a function call past 5 MB answers 413 instead of dropping the connection', async () => {
  const response = await post('/api/functions/user', JSON.stringify({ action: 'me', pad: 'x'.repeat(6 * 1024 * 1024) }), { 'X-Wx-Openid': 'demo-staff' })
  expect(response.status).toBe(413)
})

// Last: a second local cloud takes over the SDK's storage and open-API stand-ins.
test('with TEMP_URL_MAX_AGE_S a link expires after that many seconds: 403', async () => {
  const short = await startLocalCloud({ dataDir: null, port: 0, functionsFrom: 'source', seed: false, tempUrlMaxAgeS: 1 })
  const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32)])
  try {
    const response = await fetch(`${short.url}/api/storage/upload?cloudPath=wishes/brief.png`, { method: 'POST', headers: { 'x-wx-openid': 'u-brief' }, body: new Blob([new Uint8Array(PNG)]) })
    const { tempFileURL } = (await response.json()) as { tempFileURL: string }
    expect((await fetch(tempFileURL)).status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 2500))
    expect((await fetch(tempFileURL)).status).toBe(403)
  } finally {
    await short.close()
  }
})

// Source: CloudBase 数据权限 / 安全规则 (https://docs.cloudbase.net/database/configuration/permission/security-rules):
// the rules bind only the app's own requests; a collection the app may not read answers
// "database permission denied" (-502003). The app reads only `clientRead` collections, by id.
describe('POST /api/database/doc (H5 stand-in for the app reading a document directly)', () => {
  const read = (collection: string, id: string) => post('/api/database/doc', JSON.stringify({ collection, id }))
  test('a collection open to the app answers the document, or null, as one billed read and no invocation', async () => {
    cloud.store.insert('beacons', [{ _id: 'srv-beacon', sent: 3 }])
    cloud.usage.reset()
    const found = await read('beacons', 'srv-beacon')
    expect(found.status).toBe(200)
    expect(await found.json()).toEqual({ data: { _id: 'srv-beacon', sent: 3 } })
    expect(await (await read('beacons', 'srv-nothing')).json()).toEqual({ data: null })
    expect(cloud.usage.report().total).toMatchObject({ reads: 2, writes: 0, invocations: 0 })
  })
  test.each(['users', 'rescueRecipients', 'jobMarks', 'no-such-collection'])('%s is closed to the app: permission denied, nothing billed', async (collection) => {
    cloud.usage.reset()
    const refused = await read(collection, 'demo-staff')
    expect(refused.status).toBe(403)
    expect(await refused.json()).toEqual({ errCode: -502003, errMsg: 'database permission denied' })
    expect(cloud.usage.report().total.reads).toBe(0)
  })
  test('without a collection and an id: 400', async () => {
    expect((await post('/api/database/doc', '{"collection":"beacons"}')).status).toBe(400)
  })
})
