import { cloud } from '../_kit/cloud'
import { requestImageChecks, type CheckedPhoto } from '../_kit/photo-checks'

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
