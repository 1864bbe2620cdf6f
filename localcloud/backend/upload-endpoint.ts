import fs from 'node:fs'
import type http from 'node:http'
import { uploadFolderOf } from '../../cloudfunctions/_kit/uploads'
import { readAtMost } from '../http-body'
import { DEFAULT_TEMP_URL_MAX_AGE_S, type FileStorage } from './storage'

/** Largest photo the app uploads (it compresses first); WeChat's own limit is far above. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024

/** `<area>/<name>.<image extension>`: the shape of every photo the app uploads. */
const CLOUD_PATH = /^[a-z][\w-]{0,30}\/[\w-]{1,80}\.(jpe?g|png|webp|gif)$/i
/** `imports/<name>.xlsx|csv`: a spreadsheet staff import (issue #27), the only other shape. */
const SHEET_PATH = /^imports\/[\w-]{1,80}\.(xlsx|csv)$/i
/** A spreadsheet: an .xlsx is a zip (`PK\x03\x04`); a .csv is text, with no NUL byte. */
const isSheet = (cloudPath: string, b: Buffer) => (/\.xlsx$/i.test(cloudPath) ? b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) : !b.includes(0))

/** The first bytes of the image types accepted: the extension alone proves nothing. */
const IMAGE_SIGNATURES: Array<(b: Buffer) => boolean> = [
  (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff, // JPEG
  (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), // PNG
  (b) => b.subarray(0, 4).toString('latin1') === 'GIF8',
  (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
]

export type UploadAnswer = { status: number; body: Record<string, unknown> }

/**
 * H5's stand-in for `wx.cloud.uploadFile` (local mode only): one image, or one spreadsheet from
 * staff (`isStaff`), into the caller's own folder, never over an existing file. Every refusal is a 4xx with a reason, never a 500 or a
 * reset connection. Besides the file ID it answers a short-lived link for the page's preview
 * (on WeChat the page shows the local file it picked).
 */
export async function receiveUpload(req: http.IncomingMessage, url: URL, openid: string, storage: FileStorage, isStaff: (openid: string) => boolean): Promise<UploadAnswer> {
  const cloudPath = url.searchParams.get('cloudPath') ?? ''
  if (!openid) return { status: 400, body: { error: 'X-Wx-Openid required' } }
  const sheet = SHEET_PATH.test(cloudPath)
  if (!sheet && !CLOUD_PATH.test(cloudPath)) return { status: 400, body: { error: 'cloudPath must be <area>/<name>.jpg|png|webp|gif or imports/<name>.xlsx|csv' } }
  if (sheet && !isStaff(openid)) return { status: 403, body: { error: 'spreadsheets are accepted from staff only' } }
  if (Number(req.headers['content-length'] ?? 0) > MAX_UPLOAD_BYTES) return { status: 413, body: { error: `at most ${MAX_UPLOAD_BYTES} bytes` } }
  const bytes = await readAtMost(req, MAX_UPLOAD_BYTES)
  if (!bytes) return { status: 413, body: { error: `at most ${MAX_UPLOAD_BYTES} bytes` } }
  if (bytes.length === 0) return { status: 400, body: { error: 'the file is empty' } }
  if (sheet ? !isSheet(cloudPath, bytes) : !IMAGE_SIGNATURES.some((matches) => matches(bytes))) return { status: 415, body: { error: sheet ? 'only .xlsx workbooks or .csv text' : 'only JPEG, PNG, WebP or GIF images' } }
  const target = `${uploadFolderOf(openid)}/${cloudPath}`
  const onDisk = storage.resolve(target)
  if (!onDisk) return { status: 400, body: { error: 'invalid cloudPath' } }
  if (fs.existsSync(onDisk)) return { status: 409, body: { error: 'a file already exists at that path' } }
  const { fileID } = await storage.uploadFile({ cloudPath: target, fileContent: bytes })
  return { status: 200, body: { fileID, tempFileURL: storage.signedUrl(target, DEFAULT_TEMP_URL_MAX_AGE_S) } }
}
