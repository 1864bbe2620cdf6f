import { AppError } from '@/domain/errors'
import { ownedId } from './ids'

/**
 * Each person uploads into a folder of their own (`uploads/<key>/…`, the key derived from their
 * OPENID, which never appears itself). A photo may be attached only by the person who uploaded it:
 * its file ID must lie in the caller's folder.
 */
export const uploadFolderOf = (openid: string): string => `uploads/${ownedId('up', openid)}`

export function requireOwnFiles(openid: string, fileIDs: readonly string[]): void {
  const folder = `/${uploadFolderOf(openid)}/`
  if (fileIDs.some((fileID) => !/^cloud:\/\/[^/]+\//.test(fileID) || !fileID.includes(folder) || fileID.includes('..'))) {
    throw new AppError('INVALID_INPUT', '只能使用您自己上传的照片', { photos: '只能使用您自己上传的照片' })
  }
}
