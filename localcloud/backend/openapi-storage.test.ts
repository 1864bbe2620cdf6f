import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DocumentStore } from '../store/document-store'
import { runAs } from './identity'
import { installLocalBackend, wxServerSdk } from './install'
import { createOpenApi, Outbox, SubscribeGrants, type OpenApiError } from './openapi'
import { FileStorage } from './storage'

type Call = (params: object) => Promise<Record<string, unknown>>
type Sdk = {
  openapi: { subscribeMessage: { send: Call }; security: { msgSecCheck: Call; mediaCheckAsync: Call } }
  uploadFile(p: object): Promise<{ fileID: string }>
  getTempFileURL(p: object): Promise<{ fileList: Array<{ fileID: string; tempFileURL: string; status: number }> }>
  deleteFile(p: object): Promise<{ fileList: Array<{ status: number }> }>
}

const ALL_APIS = ['subscribeMessage.send', 'security.msgSecCheck', 'security.mediaCheckAsync']
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'boai-files-'))
const outbox = new Outbox()
const grants = new SubscribeGrants()
let sdk: Sdk

beforeAll(() => {
  installLocalBackend({ store: DocumentStore.open(null), storage: new FileStorage(root), outbox, grants })
  sdk = wxServerSdk() as unknown as Sdk
})
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

/** Runs `fn` as an invocation of a function whose config.json permits `openapi`. */
const asFunction = <T>(fn: () => Promise<T>, openapi: string[] = ALL_APIS) => runAs({ openid: 'caller', appid: 'wx-test', functionName: 'test', openapi }, fn)
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => ({ errCode: 0, errMsg: 'no error' }),
    (error: OpenApiError) => ({ errCode: error.errCode, errMsg: error.errMsg }),
  )

const message = { templateId: 'tmpl-wish', page: 'packages/wish/pages/detail/index?wishId=w1', data: { thing1: { value: '帮忙换楼道灯泡' }, phrase2: { value: '已认领' } } }
const send = (touser: string, overrides: object = {}) => asFunction(() => sdk.openapi.subscribeMessage.send({ touser, ...message, ...overrides }))

// Codes and rules: https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
describe('openapi.subscribeMessage.send', () => {
  test('a valid message with a one-time grant is sent, recorded in the outbox, and spends the grant', async () => {
    grants.record('u-valid', 'tmpl-wish', 'accept')
    expect(await send('u-valid')).toEqual({ errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' })
    expect(outbox.list('u-valid')).toEqual([expect.objectContaining({ ...message, openid: 'u-valid' })])
    expect(outbox.list('u-valid')[0].errCode).toBeUndefined()
    // One accept lets one message through; the second one is refused (43101).
    expect(await refusal(send('u-valid'))).toMatchObject({ errCode: 43101 })
  })

  test('without a grant WeChat answers 43101 and the attempt is in the outbox with its code', async () => {
    expect(await refusal(send('u-nogrant'))).toEqual({ errCode: 43101, errMsg: 'openapi.subscribeMessage.send:fail user refuse to accept the msg' })
    expect(outbox.list('u-nogrant')).toEqual([expect.objectContaining({ templateId: 'tmpl-wish', errCode: 43101 })])
  })

  test('a banned template ends the grants that were left (43101)', async () => {
    grants.record('u-ban', 'tmpl-wish', 'accept')
    grants.record('u-ban', 'tmpl-wish', 'ban')
    expect(await refusal(send('u-ban'))).toMatchObject({ errCode: 43101 })
  })

  test.each([
    ['a page the app does not have', 'pages/nope/index'],
    ['a page with a leading slash', '/packages/wish/pages/detail/index'],
  ])('%s is refused with 41030 and no grant is spent', async (_name, page) => {
    grants.record('u-page', 'tmpl-wish', 'accept')
    expect(await refusal(send('u-page', { page }))).toEqual({ errCode: 41030, errMsg: 'openapi.subscribeMessage.send:fail invalid page' })
    expect(outbox.list('u-page')[0]).toMatchObject({ page, errCode: 41030 })
    expect(await send('u-page')).toMatchObject({ errCode: 0 })
  })

  // miniprogram_state: "developer为开发版；trial为体验版；formal为正式版；默认为正式版"; WeChat documents no
  // code of its own for a wrong value, so it is refused as an invalid argument (47003).
  test.each(['release', 'develop', ''])('miniprogram_state "%s" is refused with 47003 and no grant is spent', async (state) => {
    grants.record('u-state', 'tmpl-wish', 'accept')
    expect(await refusal(send('u-state', { miniprogramState: state }))).toEqual({ errCode: 47003, errMsg: 'openapi.subscribeMessage.send:fail argument invalid! miniprogram_state invalid' })
    expect(outbox.list('u-state')[0]).toMatchObject({ miniprogramState: state, errCode: 47003 })
    expect(await send('u-state', { miniprogramState: 'trial' })).toMatchObject({ errCode: 0 })
  })

  test('the page is looked up in the version miniprogram_state names: a page only the 体验版 has is refused (41030) for formal and its default', async () => {
    // The 正式版 is an older release without the wish pages; the build under test (开发版/体验版) has them.
    const olderRelease = () => new Set(['pages/home/index'])
    const api = createOpenApi(new Outbox(), grants, undefined, undefined, undefined, olderRelease)
    const sendTo = (openid: string, miniprogramState?: string) => asFunction(() => api.subscribeMessage.send({ touser: openid, ...message, ...(miniprogramState ? { miniprogramState } : {}) }))
    grants.record('u-version', 'tmpl-wish', 'accept')
    expect(await refusal(sendTo('u-version', 'formal'))).toMatchObject({ errCode: 41030 })
    expect(await refusal(sendTo('u-version'))).toMatchObject({ errCode: 41030 })
    expect(await sendTo('u-version', 'trial')).toMatchObject({ errCode: 0 })
    grants.record('u-version', 'tmpl-wish', 'accept')
    expect(await sendTo('u-version', 'developer')).toMatchObject({ errCode: 0 })
  })

  test('a value that breaks its field type is refused with 47003 (phrase: at most 5 Chinese characters)', async () => {
    grants.record('u-value', 'tmpl-wish', 'accept')
    const data = { thing1: { value: '帮忙换楼道灯泡' }, phrase2: { value: '被工作人员下架' } }
    expect(await refusal(send('u-value', { data }))).toEqual({
      errCode: 47003,
      errMsg: 'openapi.subscribeMessage.send:fail argument invalid! data.phrase2.value invalid',
    })
    expect(outbox.list('u-value')[0]).toMatchObject({ data, errCode: 47003 })
  })

  test.each([
    ['no recipient → 40003', { touser: '' }, 40003],
    ['no template → 40037', { templateId: undefined }, 40037],
    ['no data → 47003', { data: undefined }, 47003],
  ])('%s', async (_name, overrides, errCode) => {
    expect(await refusal(asFunction(() => sdk.openapi.subscribeMessage.send({ touser: 'u-args', ...message, ...overrides })))).toMatchObject({ errCode })
  })

  test('the error is thrown as wx-server-sdk throws it: errCode, errMsg and its message', async () => {
    await expect(send('u-shape')).rejects.toMatchObject({ errCode: 43101, message: expect.stringMatching(/^errCode: 43101 .*\| errMsg: openapi\.subscribeMessage\.send:fail /) })
  })
})

// https://developers.weixin.qq.com/miniprogram/dev/api-backend/open-api/sec-check/security.msgSecCheck.html
describe('openapi.security.msgSecCheck (version 2)', () => {
  test.each([
    ['帮忙修一下楼道的灯', 'pass'],
    ['有高额回报的项目', 'review'],
    ['高额回报，还有赌博', 'risky'],
    ['spacing tricks: 赌 博', 'risky'],
    ['spacing tricks: 赌\u200b博', 'risky'],
    ['spacing tricks: 赌，博 and full-width ＡＢ', 'risky'],
  ])('%s → %s', async (content, suggest) => {
    const { result } = await asFunction(() => sdk.openapi.security.msgSecCheck({ content, version: 2, scene: 2, openid: 'u1' }))
    expect(result).toMatchObject({ suggest })
  })

  const valid = { content: '帮忙修一下楼道的灯', version: 2, scene: 3, openid: 'u1' }
  test.each([
    ['version 1 (not emulated) → 47001', { version: 1 }, 47001],
    ['no openid (v2 requires it) → 40003', { openid: undefined }, 40003],
    ['scene 5 → 40129', { scene: 5 }, 40129],
    ['empty content → 44002', { content: '' }, 44002],
    ['content over 2500 characters → 47001', { content: '灯'.repeat(2501) }, 47001],
  ])('%s', async (_name, overrides, errCode) => {
    expect(await refusal(asFunction(() => sdk.openapi.security.msgSecCheck({ ...valid, ...overrides })))).toMatchObject({ errCode })
  })
})

// https://developers.weixin.qq.com/miniprogram/dev/server/API/sec-center/sec-check/api_mediacheckasync
describe('openapi.security.mediaCheckAsync (version 2)', () => {
  const valid = { media_url: 'http://127.0.0.1/files/a.jpg', media_type: 2, version: 2, scene: 3, openid: 'u1' }
  test('answers a trace id at once', async () => {
    expect(await asFunction(() => sdk.openapi.security.mediaCheckAsync(valid))).toMatchObject({ errCode: 0, traceId: expect.any(String) })
  })

  test.each([
    ['no media_url → 44002', { media_url: undefined }, 44002],
    ['media_type 3 → 40004', { media_type: 3 }, 40004],
    ['no version → 47001', { version: undefined }, 47001],
    ['scene 0 → 40129', { scene: 0 }, 40129],
    ['no openid → 40003', { openid: '' }, 40003],
  ])('%s', async (_name, overrides, errCode) => {
    expect(await refusal(asFunction(() => sdk.openapi.security.mediaCheckAsync({ ...valid, ...overrides })))).toMatchObject({ errCode })
  })
})

// https://docs.cloudbase.net/en/faq/knowledge/cloud-call-604101-permission-error
describe('config.json permissions.openapi', () => {
  test('an API the function does not list fails with -604101, as wx-server-sdk reports it', async () => {
    const call = runAs({ openid: 'caller', appid: 'wx-test', functionName: 'user', openapi: ['subscribeMessage.send'] }, () =>
      sdk.openapi.security.msgSecCheck({ content: '你好', version: 2, scene: 2, openid: 'u1' }),
    )
    await expect(call).rejects.toMatchObject({
      errCode: -604101,
      errMsg: 'system error: error code: -604101',
      message: 'errCode: -604101 function has no permission to call this API | errMsg: system error: error code: -604101',
    })
  })

  test('a send refused for permission is still an attempt in the outbox', async () => {
    const call = runAs({ openid: 'caller', appid: 'wx-test' }, () => sdk.openapi.subscribeMessage.send({ touser: 'u-noperm', ...message }))
    expect(await refusal(call)).toMatchObject({ errCode: -604101 })
    expect(outbox.list('u-noperm')).toEqual([expect.objectContaining({ errCode: -604101 })])
  })

  test('outside any function invocation there is no permission at all', async () => {
    expect(await refusal(sdk.openapi.security.msgSecCheck({ content: '你好', version: 2, scene: 2, openid: 'u1' }))).toMatchObject({ errCode: -604101 })
  })
})

describe('file storage', () => {
  test('upload, get a temporary URL, delete', async () => {
    const { fileID } = await sdk.uploadFile({ cloudPath: 'wishes/w1/photo.jpg', fileContent: Buffer.from('jpeg bytes') })
    expect(fileID).toMatch(/^cloud:\/\/.+\/wishes\/w1\/photo\.jpg$/)
    expect(fs.readFileSync(path.join(root, 'wishes', 'w1', 'photo.jpg'), 'utf8')).toBe('jpeg bytes')

    const { fileList } = await sdk.getTempFileURL({ fileList: [fileID] })
    expect(fileList[0]).toMatchObject({ fileID, status: 0 })
    expect(fileList[0].tempFileURL).toMatch(/\/files\/wishes\/w1\/photo\.jpg\?sign=[0-9a-f]{32}&t=\d+$/)

    const deleted = await sdk.deleteFile({ fileList: [fileID] })
    expect(deleted.fileList[0].status).toBe(0)
    expect(fs.existsSync(path.join(root, 'wishes', 'w1', 'photo.jpg'))).toBe(false)
    expect((await sdk.getTempFileURL({ fileList: [fileID] })).fileList[0].status).not.toBe(0)
  })

  // Without maxAge the shortest documented life ("私有的文件获取的链接十分钟有效期", Cloud.getTempFileURL);
  // at most a day ("默认一天且最大不超过一天", wx.cloud.getTempFileURL): a longer one is refused.
  test.each([
    ['no maxAge: ten minutes', (fileID: string) => fileID, 600],
    ['maxAge 7200', (fileID: string) => ({ fileID, maxAge: 7200 }), 7200],
    ['maxAge a day', (fileID: string) => ({ fileID, maxAge: 86_400 }), 86_400],
  ])('%s', async (_name, ref, seconds) => {
    const { fileID } = await sdk.uploadFile({ cloudPath: `wishes/age-${seconds}.jpg`, fileContent: Buffer.from('jpeg') })
    const before = Math.floor(Date.now() / 1000)
    const [file] = (await sdk.getTempFileURL({ fileList: [ref(fileID)] })).fileList
    const t = Number(new URL(file.tempFileURL).searchParams.get('t'))
    expect(t - before).toBeGreaterThanOrEqual(seconds)
    expect(t - before).toBeLessThanOrEqual(seconds + 2)
  })

  test.each([86_401, 0, 1.5, '3600'])('maxAge %p is refused for that file', async (maxAge) => {
    const { fileID } = await sdk.uploadFile({ cloudPath: 'wishes/bad-age.jpg', fileContent: Buffer.from('jpeg') })
    const [file] = (await sdk.getTempFileURL({ fileList: [{ fileID, maxAge }] })).fileList
    expect(file).toMatchObject({ status: -1, tempFileURL: '' })
  })

  test('at most 50 files a request ("一次最多取 50 个", Cloud.getTempFileURL)', async () => {
    const fileList = Array.from({ length: 51 }, (_unused, i) => ({ fileID: `cloud://local-boai/wishes/x${i}.jpg`, maxAge: 60 }))
    await expect(sdk.getTempFileURL({ fileList })).rejects.toThrow(/at most 50/)
  })

  test('a link is valid with its signature until its time, and never after', () => {
    const storage = new FileStorage(root)
    const now = Date.now()
    const params = (url: string) => new URL(url).searchParams
    const link = storage.signedUrl('wishes/w1/photo.jpg', 60, now)
    expect(storage.refusal('wishes/w1/photo.jpg', params(link), now)).toBeNull()
    expect(storage.refusal('wishes/w1/photo.jpg', params(link), now + 61_000)).toBe('expired')
    expect(storage.refusal('wishes/w1/other.jpg', params(link), now)).toBe('bad-signature')
    expect(storage.refusal('wishes/w1/photo.jpg', new URLSearchParams(), now)).toBe('unsigned')
    // Another start signs with another key: its links are refused here.
    expect(new FileStorage(root).refusal('wishes/w1/photo.jpg', params(link), now)).toBe('bad-signature')
    // TEMP_URL_MAX_AGE_S shortens every link.
    expect(Number(params(new FileStorage(root, 2).signedUrl('a/b.jpg', 7200, now)).get('t'))).toBe(Math.ceil(now / 1000) + 2)
  })

  test('a cloud path cannot climb out of the storage folder', async () => {
    await expect(sdk.uploadFile({ cloudPath: '../../etc/evil', fileContent: Buffer.from('x') })).rejects.toThrow(/invalid cloudPath/)
  })
})
