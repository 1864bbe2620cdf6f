import { cloud } from './cloud'

/** A photo others will see, with where its check stands: shown only once `passed`. */
export type CheckedPhoto = { fileID: string; status: 'checking' | 'passed' | 'rejected'; traceId?: string }

type MediaCheckAnswer = { traceId?: string; trace_id?: string }

/**
 * Sends each photo to `security.mediaCheckAsync`; WeChat answers later with a message push
 * (the `mediaCheck` function), which shows or hides the photo. Until then it stays hidden.
 */
export async function requestImageChecks(fileIDs: string[], openid: string): Promise<CheckedPhoto[]> {
  if (fileIDs.length === 0) return []
  const { fileList } = (await cloud.getTempFileURL({ fileList: fileIDs })) as { fileList: Array<{ fileID: string; tempFileURL: string }> }
  const images: CheckedPhoto[] = []
  for (const { fileID, tempFileURL } of fileList) {
    try {
      const answer = (await cloud.openapi.security.mediaCheckAsync({ media_url: tempFileURL, media_type: 2, version: 2, scene: 3, openid })) as MediaCheckAnswer
      images.push({ fileID, status: 'checking', traceId: answer.traceId ?? answer.trace_id })
    } catch (error) {
      console.warn('[photo-checks] mediaCheckAsync failed; the photo stays hidden', error instanceof Error ? error.message : error)
      images.push({ fileID, status: 'checking' })
    }
  }
  return images
}

/** A photo (already known to be the caller's own upload) sent to its check; null without one. */
export async function checkedPhoto(openid: string, fileID: string | undefined): Promise<CheckedPhoto | null> {
  if (!fileID) return null
  const [photo] = await requestImageChecks([fileID], openid)
  return photo
}

/** A link for each photo that passed its check (one request for all); null for the rest. */
export async function shownPhotoUrls(photos: ReadonlyArray<CheckedPhoto | null>): Promise<Array<string | null>> {
  const passed = photos.flatMap((photo) => (photo?.status === 'passed' ? [photo.fileID] : []))
  if (passed.length === 0) return photos.map(() => null)
  const { fileList } = (await cloud.getTempFileURL({ fileList: passed })) as { fileList: Array<{ fileID: string; tempFileURL: string; status: number }> }
  const urls = new Map(fileList.filter((file) => file.status === 0).map((file) => [file.fileID, file.tempFileURL]))
  return photos.map((photo) => (photo?.status === 'passed' ? urls.get(photo.fileID) ?? null : null))
}
