import fs from 'node:fs'
import path from 'node:path'

export const LOCAL_ENV_ID = 'local-boai'
const FILE_ID_PREFIX = `cloud://${LOCAL_ENV_ID}/`

type FileRef = string | { fileID: string; maxAge?: number }

/**
 * Cloud storage on the local disk, with the call shapes of `cloud.uploadFile`,
 * `cloud.getTempFileURL` and `cloud.deleteFile`. Files are served at `<origin>/files/<cloudPath>`.
 */
export class FileStorage {
  private origin = 'http://127.0.0.1:8787'

  constructor(readonly root: string) {}

  setOrigin(origin: string): void {
    this.origin = origin
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

  getTempFileURL = async ({ fileList }: { fileList: FileRef[] }) => ({
    errMsg: 'getTempFileURL:ok',
    fileList: fileList.map((ref) => {
      const fileID = typeof ref === 'string' ? ref : ref.fileID
      const target = this.pathOf(fileID)
      return target && fs.existsSync(target)
        ? { fileID, tempFileURL: `${this.origin}/files/${fileID.slice(FILE_ID_PREFIX.length)}`, status: 0, errMsg: 'ok', maxAge: typeof ref === 'string' ? 86400 : ref.maxAge ?? 86400 }
        : { fileID, tempFileURL: '', status: -1, errMsg: 'file not exist' }
    }),
  })

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
