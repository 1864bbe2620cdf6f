import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

export const LOCAL_ENV_ID = 'local-boai'
const FILE_ID_PREFIX = `cloud://${LOCAL_ENV_ID}/`

type FileRef = string | { fileID: string; maxAge?: unknown }

/**
 * Lifetime of a temporary link without `maxAge`: the shortest the docs give, "私有的文件获取的链接十分钟有效期"
 * (https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/reference-sdk-api/storage/Cloud.getTempFileURL.md);
 * another page says a day by default. Never kinder: ten minutes.
 */
export const DEFAULT_TEMP_URL_MAX_AGE_S = 600
/** "可自定义有效期，默认一天且最大不超过一天" (https://mp.weixin.qq.com/debug/minigame/dev/wxcloud/reference-client-api/storage/getTempFileURL.html): a longer `maxAge` is refused. */
export const MAX_TEMP_URL_MAX_AGE_S = 86_400
const MAX_TEMP_URL_FILES = 50

/** Why a link to a file is not served: no signature, a wrong one, or past its time. */
export type LinkRefusal = 'unsigned' | 'bad-signature' | 'expired'

/**
 * Cloud storage on the local disk, with the call shapes of `cloud.uploadFile`,
 * `cloud.getTempFileURL`, `cloud.downloadFile` and `cloud.deleteFile`. Files are served at
 * `<origin>/files/<cloudPath>?sign=<hmac>&t=<expiry>`, as CloudBase's temporary links carry `sign`
 * and `t` (Tencent Cloud CDN's TypeD, https://www.tencentcloud.com/zh/document/product/228/35225):
 * a link works until its `maxAge` is over, and only with its signature.
 */
export class FileStorage {
  private origin = 'http://127.0.0.1:8787'
  /** Signs links; new on every start, so links of an earlier run are refused too. */
  private readonly secret = crypto.randomBytes(32)

  /** `capMaxAgeS` (`TEMP_URL_MAX_AGE_S`) shortens every link, to see expiry without waiting hours. */
  constructor(
    readonly root: string,
    private readonly capMaxAgeS?: number,
  ) {}

  setOrigin(origin: string): void {
    this.origin = origin
  }

  /** A signed link to a cloud path, valid for `maxAgeS` seconds from `now`. */
  signedUrl(cloudPath: string, maxAgeS: number, now = Date.now()): string {
    const seconds = Math.min(maxAgeS, this.capMaxAgeS ?? maxAgeS)
    const t = Math.ceil(now / 1000) + seconds
    return `${this.origin}/files/${cloudPath}?sign=${this.sign(cloudPath, t)}&t=${t}`
  }

  /** Whether a request for `/files/<cloudPath>` carries a valid, unexpired signature; null when it does. */
  refusal(cloudPath: string, params: URLSearchParams, now = Date.now()): LinkRefusal | null {
    const sign = params.get('sign')
    const t = params.get('t')
    if (!sign || !t || !/^\d{1,12}$/.test(t)) return 'unsigned'
    const expected = Buffer.from(this.sign(cloudPath, Number(t)))
    const given = Buffer.from(sign)
    if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return 'bad-signature'
    return Number(t) * 1000 <= now ? 'expired' : null
  }

  private sign(cloudPath: string, t: number): string {
    return crypto.createHmac('sha256', this.secret).update(`${cloudPath}\n${t}`).digest('hex').slice(0, 32)
  }

  /** The on-disk path of a cloud path, refusing anything that climbs out of the root. */
  resolve(cloudPath: string): string | null {
    const clean = path.posix.normalize(cloudPath.replace(/\\/g, '/')).replace(/^\/+/, '')
    if (!clean || clean.startsWith('..')) return null
    const full = path.join(this.root, clean)
    return full.startsWith(path.resolve(this.root) + path.sep) ? full : null
  }

  uploadFile = async ({ cloudPath, fileContent }: { cloudPath: string; fileContent: Buffer | NodeJS.ReadableStream }) => {
    const target = this.resolve(cloudPath)
    if (!target) throw Object.assign(new Error('uploadFile:fail invalid cloudPath'), { errCode: -1 })
    await fs.promises.mkdir(path.dirname(target), { recursive: true })
    await fs.promises.writeFile(target, Buffer.isBuffer(fileContent) ? fileContent : await readAll(fileContent))
    return { fileID: FILE_ID_PREFIX + path.relative(this.root, target).split(path.sep).join('/'), statusCode: 200, errMsg: 'uploadFile:ok' }
  }

  /**
   * `maxAge` in whole seconds, 1 to a day; missing: ten minutes (DEFAULT_TEMP_URL_MAX_AGE_S). At
   * most 50 files a request ("一次最多取 50 个", Cloud.getTempFileURL): more are refused.
   */
  getTempFileURL = async ({ fileList }: { fileList: FileRef[] }) => {
    if (fileList.length > MAX_TEMP_URL_FILES) throw Object.assign(new Error(`getTempFileURL:fail at most ${MAX_TEMP_URL_FILES} files per request`), { errCode: -1 })
    return this.tempFileUrls(fileList)
  }

  private tempFileUrls = (fileList: FileRef[]) => ({
    errMsg: 'getTempFileURL:ok',
    fileList: fileList.map((ref) => {
      const fileID = typeof ref === 'string' ? ref : ref.fileID
      const maxAge = typeof ref === 'string' || ref.maxAge === undefined ? DEFAULT_TEMP_URL_MAX_AGE_S : ref.maxAge
      if (typeof maxAge !== 'number' || !Number.isInteger(maxAge) || maxAge < 1 || maxAge > MAX_TEMP_URL_MAX_AGE_S) {
        return { fileID, tempFileURL: '', status: -1, errMsg: `maxAge must be whole seconds from 1 to ${MAX_TEMP_URL_MAX_AGE_S}` }
      }
      const target = this.pathOf(fileID)
      return target && fs.existsSync(target)
        ? { fileID, tempFileURL: this.signedUrl(fileID.slice(FILE_ID_PREFIX.length), maxAge), status: 0, errMsg: 'ok', maxAge }
        : { fileID, tempFileURL: '', status: -1, errMsg: 'file not exist' }
    }),
  })

  /** `cloud.downloadFile({ fileID })`: the file's bytes as `fileContent`; a missing file fails as CloudBase's does. */
  downloadFile = async ({ fileID }: { fileID: string }) => {
    const target = typeof fileID === 'string' ? this.pathOf(fileID) : null
    if (!target || !fs.existsSync(target)) throw Object.assign(new Error('downloadFile:fail file not exist'), { errCode: -1 })
    return { fileContent: await fs.promises.readFile(target), statusCode: 200, errMsg: 'downloadFile:ok' }
  }

  deleteFile = async ({ fileList }: { fileList: string[] }) => ({
    errMsg: 'deleteFile:ok',
    fileList: await Promise.all(
      fileList.map(async (fileID) => {
        const target = this.pathOf(fileID)
        if (!target || !fs.existsSync(target)) return { fileID, status: -1, errMsg: 'file not exist' }
        await fs.promises.rm(target)
        return { fileID, status: 0, errMsg: 'ok' }
      }),
    ),
  })

  private pathOf(fileID: string): string | null {
    return fileID.startsWith(FILE_ID_PREFIX) ? this.resolve(fileID.slice(FILE_ID_PREFIX.length)) : null
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer))
  return Buffer.concat(chunks)
}
