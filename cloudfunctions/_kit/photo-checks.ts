import { nextCheckAt, statusOfSuggestion, type CheckedPhoto, type MediaSuggestion, type PhotoStatus } from '@/domain/photo/checks'
import { _, cloud, collections, db, isDuplicateKey } from './cloud'
import { PHOTO_PLACES, photoPath, type PhotoHolder } from './photo-places'
import { temporaryUrls } from './temp-urls'

export type { CheckedPhoto } from '@/domain/photo/checks'

type MediaCheckAnswer = { traceId?: string; trace_id?: string }

/** A verdict kept by its trace id (`_id`), whether or not its photo was known yet. */
type VerdictDoc = { _id: string; suggest: MediaSuggestion; receivedAt: Date }

const verdicts = () => db.collection(collections.mediaVerdicts)

/**
 * Asks `security.mediaCheckAsync` about one photo in the uploader's name; its trace id, or
 * undefined when the request failed (the scheduler asks again sooner then).
 */
export async function requestCheck(fileID: string, url: string | undefined, openid: string): Promise<string | undefined> {
  if (!url) return undefined
  try {
    const answer = (await cloud.openapi.security.mediaCheckAsync({ media_url: url, media_type: 2, version: 2, scene: 3, openid })) as MediaCheckAnswer
    return answer.traceId ?? answer.trace_id
  } catch (error) {
    console.warn('[photo-checks] mediaCheckAsync failed; the scheduler asks again', fileID, error instanceof Error ? error.message : error)
    return undefined
  }
}

/** A photo as it is stored after its `attempts`-th check request. */
export function checkingPhoto(fileID: string, openid: string, traceId: string | undefined, attempts: number, now = new Date()): CheckedPhoto {
  return { fileID, status: 'checking', ...(traceId ? { traceId } : {}), openid, attempts, nextCheckAt: nextCheckAt(now, attempts, !!traceId) }
}

/**
 * Sends each photo to `security.mediaCheckAsync` (all at once); WeChat answers later with a
 * message push (the `mediaCheck` function), which shows, hides or hands the photo to staff.
 * Until then it stays hidden. Once the caller has stored them, it must call `applyEarlyVerdicts`.
 */
export async function requestImageChecks(fileIDs: string[], openid: string): Promise<CheckedPhoto[]> {
  return requestChecks(fileIDs, await photoLinks(fileIDs), openid)
}

/** The links the checks read the photos from (one request for all), by file id. */
export async function photoLinks(fileIDs: string[]): Promise<Map<string, string>> {
  return fileIDs.length === 0 ? new Map() : temporaryUrls(fileIDs)
}

/**
 * `requestImageChecks` with the links already asked for: a caller with other WeChat calls to make
 * asks for the links side by side with them (each answer takes 100–300 ms; a function has 3 s).
 */
export async function requestChecks(fileIDs: string[], links: Map<string, string>, openid: string): Promise<CheckedPhoto[]> {
  const now = new Date()
  return Promise.all(fileIDs.map(async (fileID) => checkingPhoto(fileID, openid, await requestCheck(fileID, links.get(fileID), openid), 1, now)))
}

/** A photo (already known to be the caller's own upload) sent to its check; null without one. */
export async function checkedPhoto(openid: string, fileID: string | undefined): Promise<CheckedPhoto | null> {
  if (!fileID) return null
  const [photo] = await requestImageChecks([fileID], openid)
  return photo
}

/** What a decision writes on the photo at `path`: its status, no more looks, and why staff see it. */
export const decidedFields = (path: string, status: Exclude<PhotoStatus, 'checking'>, review?: CheckedPhoto['review']) => ({
  [`${path}.status`]: status,
  [`${path}.nextCheckAt`]: null,
  ...(review ? { [`${path}.review`]: review } : {}),
})

/**
 * Applies a verdict to the photo whose latest check has this trace id, wherever it lives. Only
 * that photo's fields, and only while it is still `checking` with this trace id: verdicts on a
 * document's other photos never overwrite each other, and a replayed push cannot show a photo once
 * turned down. Answers how many photos changed (0 when none carries the trace id yet).
 */
export async function applyVerdict(traceId: string, suggest: MediaSuggestion): Promise<number> {
  const status = statusOfSuggestion(suggest)
  for (const place of PHOTO_PLACES) {
    const { data } = await db.collection(place.collection).where({ [`${place.path}.traceId`]: traceId }).limit(1).get<PhotoHolder>()
    const index = data[0] ? place.photosOf(data[0]).findIndex((photo) => photo.traceId === traceId) : -1
    if (index < 0) continue
    const path = photoPath(place, index)
    const { stats } = await db
      .collection(place.collection)
      .where({ _id: data[0]._id, [`${path}.traceId`]: traceId, [`${path}.status`]: 'checking' })
      .update({ data: decidedFields(path, status, status === 'review' ? 'flagged' : undefined) })
    return stats.updated
  }
  return 0
}

/**
 * Keeps a pushed verdict by its trace id, so that it is not lost when it arrives before the
 * writer stored the trace id (WeChat may push at any time). The first verdict for a trace id is
 * kept and answered; a replay changes nothing.
 */
export async function keepVerdict(traceId: string, suggest: MediaSuggestion): Promise<MediaSuggestion> {
  try {
    await verdicts().add({ data: { _id: traceId, suggest, receivedAt: new Date() } })
    return suggest
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
    const { data } = await verdicts().where({ _id: traceId }).limit(1).get<VerdictDoc>()
    return data[0]?.suggest ?? suggest
  }
}

/** How long a kept verdict waits for its photo: far longer than any writer or the scheduler's first look (30 minutes) takes. */
const KEEP_VERDICTS_MS = 24 * 60 * 60_000

/** Forgets verdicts kept longer than that (applied long since, or for a trace id no photo carries any more). */
export async function forgetOldVerdicts(now: Date): Promise<number> {
  const { stats } = await verdicts().where({ receivedAt: _.lt(new Date(now.getTime() - KEEP_VERDICTS_MS)) }).remove()
  return stats.removed
}

/** The verdicts kept for these photos' latest trace ids, by trace id. */
export async function keptVerdicts(photos: ReadonlyArray<CheckedPhoto | null | undefined>): Promise<Map<string, MediaSuggestion>> {
  const traceIds = photos.flatMap((photo) => (photo?.status === 'checking' && photo.traceId ? [photo.traceId] : []))
  if (traceIds.length === 0) return new Map()
  const { data } = await verdicts().where({ _id: _.in(traceIds) }).get<VerdictDoc>()
  return new Map(data.map((verdict) => [verdict._id, verdict.suggest]))
}

/**
 * Called by every writer right after it stored photos with their trace ids: a verdict that came
 * before is applied now. With the push handler keeping each verdict before it looks for its photo,
 * one of the two always sees the other, in whichever order they run; both may, harmlessly.
 */
export async function applyEarlyVerdicts(photos: ReadonlyArray<CheckedPhoto | null | undefined>): Promise<void> {
  const kept = await keptVerdicts(photos)
  await Promise.all([...kept].map(([traceId, suggest]) => applyVerdict(traceId, suggest)))
}

/** A link for each photo that passed its check (one request for all); null for the rest. */
export async function shownPhotoUrls(photos: ReadonlyArray<CheckedPhoto | null>): Promise<Array<string | null>> {
  const passed = photos.flatMap((photo) => (photo?.status === 'passed' ? [photo.fileID] : []))
  if (passed.length === 0) return photos.map(() => null)
  const urls = await temporaryUrls(passed)
  return photos.map((photo) => (photo?.status === 'passed' ? urls.get(photo.fileID) ?? null : null))
}

/** Waiting for a verdict or for staff: not shown yet, but not turned down either. */
export const isPending = (photo: CheckedPhoto | null | undefined): boolean => photo?.status === 'checking' || photo?.status === 'review'
