import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DocumentStore } from '../store/document-store'
import { installLocalBackend, wxServerSdk } from './install'
import { Outbox } from './openapi'
import { FileStorage } from './storage'

type Sdk = {
  openapi: {
    subscribeMessage: { send(p: object): Promise<{ errCode: number }> }
    security: { msgSecCheck(p: object): Promise<{ result: { suggest: string; label: number } }> }
  }
  uploadFile(p: object): Promise<{ fileID: string }>
  getTempFileURL(p: object): Promise<{ fileList: Array<{ fileID: string; tempFileURL: string; status: number }> }>
  deleteFile(p: object): Promise<{ fileList: Array<{ status: number }> }>
}

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'boai-files-'))
const outbox = new Outbox()
let sdk: Sdk

beforeAll(() => {
  installLocalBackend({ store: DocumentStore.open(null), storage: new FileStorage(root), outbox })
  sdk = wxServerSdk() as unknown as Sdk
})
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

describe('openapi.subscribeMessage.send', () => {
  test('records the message in the outbox, newest first', async () => {
    await sdk.openapi.subscribeMessage.send({ touser: 'u1', templateId: 't1', page: 'pages/home/index', data: { thing1: { value: 'a' } } })
    await sdk.openapi.subscribeMessage.send({ touser: 'u2', templateId: 't2', data: { thing1: { value: 'b' } } })
    expect(outbox.list().map((m) => m.openid)).toEqual(['u2', 'u1'])
    expect(outbox.list('u1')[0]).toMatchObject({ templateId: 't1', page: 'pages/home/index', data: { thing1: { value: 'a' } } })
  })

  test('refuses a message without a recipient', async () => {
    await expect(sdk.openapi.subscribeMessage.send({ templateId: 't1', data: {} })).rejects.toThrow(/invalid args/)
  })
})

describe('openapi.security.msgSecCheck (version 2)', () => {
  test.each([
    ['帮忙修一下楼道的灯', 'pass'],
    ['有高额回报的项目', 'review'],
    ['高额回报，还有赌博', 'risky'],
  ])('%s → %s', async (content, suggest) => {
    const { result } = await sdk.openapi.security.msgSecCheck({ content, version: 2, scene: 2, openid: 'u1' })
    expect(result.suggest).toBe(suggest)
  })
})

describe('file storage', () => {
  test('upload, get a temporary URL, delete', async () => {
    const { fileID } = await sdk.uploadFile({ cloudPath: 'wishes/w1/photo.jpg', fileContent: Buffer.from('jpeg bytes') })
    expect(fileID).toMatch(/^cloud:\/\/.+\/wishes\/w1\/photo\.jpg$/)
    expect(fs.readFileSync(path.join(root, 'wishes', 'w1', 'photo.jpg'), 'utf8')).toBe('jpeg bytes')

    const { fileList } = await sdk.getTempFileURL({ fileList: [fileID] })
    expect(fileList[0]).toMatchObject({ fileID, status: 0 })
    expect(fileList[0].tempFileURL).toMatch(/\/files\/wishes\/w1\/photo\.jpg$/)

    const deleted = await sdk.deleteFile({ fileList: [fileID] })
    expect(deleted.fileList[0].status).toBe(0)
    expect(fs.existsSync(path.join(root, 'wishes', 'w1', 'photo.jpg'))).toBe(false)
    expect((await sdk.getTempFileURL({ fileList: [fileID] })).fileList[0].status).not.toBe(0)
  })

  test('a cloud path cannot climb out of the storage folder', async () => {
    await expect(sdk.uploadFile({ cloudPath: '../../etc/evil', fileContent: Buffer.from('x') })).rejects.toThrow(/invalid cloudPath/)
  })
})
