import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { installLocalBackend, wxServerSdk } from '../../localcloud/backend/install'
import { Outbox } from '../../localcloud/backend/openapi'
import { FileStorage } from '../../localcloud/backend/storage'
import { DocumentStore } from '../../localcloud/store/document-store'
import { TEMP_URL_MAX_AGE_S, temporaryUrls } from './temp-urls'

const FUNCTIONS = path.join(__dirname, '..')
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'boai-temp-urls-'))
beforeAll(() => installLocalBackend({ store: DocumentStore.open(null), storage: new FileStorage(root), outbox: new Outbox() }))
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

const sources = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sources(full)
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [full] : []
  })

// The default lifetime differs between CloudBase's pages (10 minutes for private files in
// Cloud.getTempFileURL, a day in the wxcloudrun storage docs): every link the functions hand out
// names its maxAge, through the one helper that does.
test('every getTempFileURL call of the functions goes through temporaryUrls, which passes maxAge', () => {
  const callers = sources(FUNCTIONS).filter((file) => /getTempFileURL\s*\(/.test(fs.readFileSync(file, 'utf8')))
  expect(callers.map((file) => path.relative(FUNCTIONS, file))).toEqual([path.join('_kit', 'temp-urls.ts')])
})

test(`links live TEMP_URL_MAX_AGE_S (${TEMP_URL_MAX_AGE_S} s), not the stand-in's ten-minute default`, async () => {
  const { fileID } = await (wxServerSdk() as { uploadFile(p: object): Promise<{ fileID: string }> }).uploadFile({ cloudPath: 'wishes/a.jpg', fileContent: Buffer.from('jpeg') })
  const before = Math.floor(Date.now() / 1000)
  const url = (await temporaryUrls([fileID, 'cloud://local-boai/missing.jpg'])).get(fileID) as string
  const lifetime = Number(new URL(url).searchParams.get('t')) - before
  expect(lifetime).toBeGreaterThanOrEqual(TEMP_URL_MAX_AGE_S)
  expect(lifetime).toBeLessThanOrEqual(TEMP_URL_MAX_AGE_S + 2)
})

test('more than 50 files are asked for 50 at a time, as CloudBase allows per request', async () => {
  const sdk = wxServerSdk() as { uploadFile(p: object): Promise<{ fileID: string }>; getTempFileURL(p: { fileList: unknown[] }): Promise<unknown> }
  const fileIDs = await Promise.all(Array.from({ length: 51 }, (_unused, i) => sdk.uploadFile({ cloudPath: `wishes/n${i}.jpg`, fileContent: Buffer.from('jpeg') }).then((file) => file.fileID)))
  const original = sdk.getTempFileURL
  const sizes: number[] = []
  sdk.getTempFileURL = (params) => {
    sizes.push(params.fileList.length)
    return original(params)
  }
  try {
    expect((await temporaryUrls(fileIDs)).size).toBe(51)
  } finally {
    sdk.getTempFileURL = original
  }
  expect(sizes).toEqual([50, 1])
})
