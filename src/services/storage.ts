import Taro from '@tarojs/taro'
import { currentDevOpenid } from './dev-identity'
import { NETWORK_MESSAGE, ServiceError } from './service-error'
import { opening } from './session'

/** A photo uploaded from the app: its file ID, and what an <Image> can show of it right away. */
export type UploadedPhoto = { fileID: string; preview: string }

/**
 * Uploads a photo the person chose (a local temp path) to cloud storage. On WeChat it goes
 * straight to cloud storage and the preview is the local file; on H5 it goes to the local cloud's
 * storage, which answers a short-lived link for the preview.
 */
export async function uploadPhoto(localPath: string, folder: string): Promise<UploadedPhoto> {
  const cloudPath = `${folder}/${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}.jpg`
  try {
    if (process.env.TARO_ENV === 'weapp') {
      // Into the person's own folder: the functions accept only photos from there.
      const { uploadFolder } = (await opening()).me
      const { fileID } = await Taro.cloud.uploadFile({ cloudPath: `${uploadFolder}/${cloudPath}`, filePath: localPath })
      return { fileID, preview: localPath }
    }
    // The local cloud puts it in the caller's own folder itself, as WeChat's storage rules would require.
    const blob = await (await fetch(localPath)).blob()
    const response = await fetch(`/api/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
      method: 'POST',
      headers: { 'content-type': blob.type || 'application/octet-stream', 'x-wx-openid': currentDevOpenid() },
      body: blob,
    })
    // A file that is not a photo, or too large, is said plainly, not passed off as a network failure.
    if (response.status === 415) throw new ServiceError('INVALID_INPUT', NOT_A_PHOTO)
    if (response.status === 413) throw new ServiceError('INVALID_INPUT', '照片太大了，请换一张或截图后再上传')
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
    const { fileID, tempFileURL } = (await response.json()) as { fileID: string; tempFileURL: string }
    return { fileID, preview: tempFileURL }
  } catch (error) {
    if (error instanceof ServiceError) throw error
    throw new ServiceError('NETWORK', `图片上传失败，${NETWORK_MESSAGE}`)
  }
}

const NOT_A_PHOTO = '只能上传照片（JPG、PNG、WebP 或 GIF 格式）'
const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif']

/**
 * The browser's own file picker. Taro's H5 chooseMedia drops a file it cannot load as an image
 * without a word, so a person who picked a PDF saw nothing happen; here it is refused and said.
 */
function choosePhotosInBrowser(count: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = PHOTO_TYPES.join(',')
    input.multiple = count > 1
    input.style.cssText = 'position: fixed; top: -4000px; left: -3000px;'
    const done = () => input.remove()
    input.onchange = () => {
      done()
      const files = Array.from(input.files ?? []).slice(0, count)
      if (files.some((file) => !PHOTO_TYPES.includes(file.type))) reject(new ServiceError('INVALID_INPUT', NOT_A_PHOTO))
      else resolve(files.map((file) => URL.createObjectURL(file)))
    }
    input.oncancel = () => {
      done()
      resolve([])
    }
    document.body.appendChild(input)
    input.click()
  })
}

/** Lets the person pick up to `count` photos, compressed. Empty when they cancel. */
export async function choosePhotos(count: number): Promise<string[]> {
  if (count <= 0) return []
  if (process.env.TARO_ENV === 'h5') return choosePhotosInBrowser(count)
  try {
    const { tempFiles } = await Taro.chooseMedia({ count, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    return tempFiles.map((file) => file.tempFilePath)
  } catch {
    return []
  }
}
