import { checksExhausted, isDue, type CheckedPhoto } from '@/domain/photo/checks'
import { _, db } from '../../_kit/cloud'
import { applyEarlyVerdicts, applyVerdict, checkingPhoto, decidedFields, forgetOldVerdicts, keptVerdicts, requestCheck } from '../../_kit/photo-checks'
import { PHOTO_PLACES, photoPath, type PhotoHolder, type PhotoPlace } from '../../_kit/photo-places'
import { temporaryUrls } from '../../_kit/temp-urls'
import { sum, type Budget, type Job, type JobResult } from '../job'

/** Photos asked about again per place and run: each is an open-API call, and WeChat allows 2,000 a minute per app. */
const RECHECKS_PER_PLACE = 20

type Due = { doc: PhotoHolder; photo: CheckedPhoto; index: number }

/**
 * One photo whose verdict is overdue: a verdict kept but never applied is applied; a photo asked
 * about often enough goes to staff (`review`, unchecked); any other is asked about again, with a
 * longer wait each time. Every write is conditional on the photo being as it was read (same file,
 * still checking, same attempt count), so an overlapping run or a verdict arriving meanwhile wins
 * and this one changes nothing.
 */
async function recheck(place: PhotoPlace, { doc, photo, index }: Due, url: string | undefined, kept: Map<string, Parameters<typeof applyVerdict>[1]>): Promise<boolean> {
  const keptVerdict = photo.traceId ? kept.get(photo.traceId) : undefined
  if (photo.traceId && keptVerdict) return (await applyVerdict(photo.traceId, keptVerdict)) > 0
  const path = photoPath(place, index)
  const attempts = photo.attempts ?? 0
  const unchanged = db.collection(place.collection).where({ _id: doc._id, [`${path}.fileID`]: photo.fileID, [`${path}.status`]: 'checking', [`${path}.attempts`]: attempts })
  if (checksExhausted(photo)) {
    const { stats } = await unchanged.update({ data: decidedFields(path, 'review', 'unchecked') })
    return stats.updated > 0
  }
  const openid = photo.openid ?? ''
  const traceId = await requestCheck(photo.fileID, url, openid)
  const next = checkingPhoto(photo.fileID, openid, traceId, attempts + 1)
  // A failed request keeps the earlier trace id: that verdict may still come.
  const { stats } = await unchanged.update({ data: { [`${path}.attempts`]: next.attempts, [`${path}.nextCheckAt`]: next.nextCheckAt, ...(traceId ? { [`${path}.traceId`]: traceId } : {}) } })
  // Its verdict may have been pushed before the new trace id was stored.
  if (stats.updated > 0) await applyEarlyVerdicts([next])
  return stats.updated > 0
}

async function recheckPlace(place: PhotoPlace, budget: Budget, now: Date): Promise<JobResult> {
  const batch = Math.min(budget.batch, RECHECKS_PER_PLACE)
  const { data } = await db.collection(place.collection).where({ [`${place.path}.nextCheckAt`]: _.lte(now) }).limit(batch).get<PhotoHolder>()
  const due: Due[] = data.flatMap((doc) => place.photosOf(doc).flatMap((photo, index) => (isDue(photo, now) ? [{ doc, photo, index }] : [])))
  const [urls, kept] = await Promise.all([temporaryUrls(due.filter(({ photo }) => !checksExhausted(photo)).map(({ photo }) => photo.fileID)), keptVerdicts(due.map(({ photo }) => photo))])
  let done = 0
  for (const item of due) {
    if (!budget.hasTime()) return { done, more: true }
    if (await recheck(place, item, urls.get(item.photo.fileID), kept)) done += 1
  }
  return { done, more: data.length >= batch }
}

/**
 * 照片复查: photos still `checking` past their `nextCheckAt` (the push was missed, the request
 * failed, or 消息推送 was configured late) are asked about again with backoff, and after
 * MAX_CHECK_ATTEMPTS go to the staff queue instead of staying hidden for good. Hourly: a missed
 * push is rare and its first look is due after 30 minutes anyway, so an idle hour costs one read
 * per place (side by side), not one every few minutes.
 */
export const photoJob: Job = {
  name: 'photos',
  cadence: 'hourly',
  async run(budget: Budget) {
    const now = new Date()
    return sum(...(await Promise.all(PHOTO_PLACES.map((place) => recheckPlace(place, budget, now)))))
  },
}

/** Verdicts kept for photos that never came (see forgetOldVerdicts) are removed once a day. */
export const verdictJob: Job = {
  name: 'verdicts',
  cadence: 'daily',
  async run() {
    return { done: await forgetOldVerdicts(new Date()), more: false }
  },
}
