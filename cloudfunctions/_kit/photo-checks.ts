import { cloud } from './cloud'

/** A photo others will see, with where its check stands: shown only once `passed`. */
export type CheckedPhoto = { fileID: string; status: 'checking' | 'passed' | 'rejected'; traceId?: string }

type MediaCheckAnswer = { traceId?: string; trace_id?: string }

/** A photo with the temporary link its check reads it from. */
export type PhotoLink = { fileID: string; tempFileURL: string }

/** The links the checks read the photos from (one request for all). */
export async function photoLinks(fileIDs: string[]): Promise<PhotoLink[]> {
  if (fileIDs.length === 0) return []
  const { fileList } = (await cloud.getTempFileURL({ fileList: fileIDs })) as { fileList: PhotoLink[] }
  return fileList
}

/**
 * Sends each photo to `security.mediaCheckAsync`, all at once (at most 3, a wish's limit: one
 * round trip, not three); WeChat answers later with a message push (the `mediaCheck` function),
 * which shows or hides the photo. Until then it stays hidden.
 */
export async function requestChecks(links: PhotoLink[], openid: string): Promise<CheckedPhoto[]> {
  return Promise.all(
    links.map(async ({ fileID, tempFileURL }): Promise<CheckedPhoto> => {
      try {
        const answer = (await cloud.openapi.security.mediaCheckAsync({ media_url: tempFileURL, media_type: 2, version: 2, scene: 3, openid })) as MediaCheckAnswer
        return { fileID, status: 'checking', traceId: answer.traceId ?? answer.trace_id }
      } catch (error) {
        console.warn('[photo-checks] mediaCheckAsync failed; the photo stays hidden', error instanceof Error ? error.message : error)
        return { fileID, status: 'checking' }
      }
    }),
  )
}

/** Each photo sent to its check. */
export async function requestImageChecks(fileIDs: string[], openid: string): Promise<CheckedPhoto[]> {
  return requestChecks(await photoLinks(fileIDs), openid)
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
