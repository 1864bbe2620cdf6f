import Taro from '@tarojs/taro'
import { currentDevOpenid } from './dev-identity'
import { NETWORK_MESSAGE, ServiceError } from './service-error'
import { userService } from './user'

/**
 * Uploads a photo the person chose (a local temp path) to cloud storage and answers its file ID.
 * On WeChat it goes straight to cloud storage; on H5 to the local cloud's storage.
 */
export async function uploadPhoto(localPath: string, folder: string): Promise<string> {
  const cloudPath = `${folder}/${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}.jpg`
  try {
    if (process.env.TARO_ENV === 'weapp') {
      // Into the person's own folder: the functions accept only photos from there.
      const { uploadFolder } = await userService.me()
      const { fileID } = await Taro.cloud.uploadFile({ cloudPath: `${uploadFolder}/${cloudPath}`, filePath: localPath })
      return fileID
    }
    // The local cloud puts it in the caller's own folder itself, as WeChat's storage rules would require.
    const blob = await (await fetch(localPath)).blob()
    const response = await fetch(`/api/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
      method: 'POST',
      headers: { 'content-type': blob.type || 'application/octet-stream', 'x-wx-openid': currentDevOpenid() },
      body: blob,
    })
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
    return ((await response.json()) as { fileID: string }).fileID
  } catch {
    throw new ServiceError('NETWORK', `图片上传失败，${NETWORK_MESSAGE}`)
  }
}

/** Lets the person pick up to `count` photos, compressed. Empty when they cancel. */
export async function choosePhotos(count: number): Promise<string[]> {
  if (count <= 0) return []
  try {
    const { tempFiles } = await Taro.chooseMedia({ count, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    return tempFiles.map((file) => file.tempFilePath)
  } catch {
    return []
  }
}

/** What an <Image> can show for a file ID: WeChat reads cloud:// IDs itself; H5 gets the local file. */
export function photoSrc(fileID: string): string {
  return process.env.TARO_ENV === 'weapp' ? fileID : `/files/${fileID.replace(/^cloud:\/\/[^/]+\//, '')}`
}
