import { collections, db } from '../_kit/cloud'

/** WeChat's message push with the verdict of `security.mediaCheckAsync` on one photo. */
type MediaCheckPush = { MsgType?: unknown; Event?: unknown; trace_id?: unknown; result?: { suggest?: unknown } }

const SUGGESTIONS = new Set(['pass', 'review', 'risky'])

/** Shaped as WeChat's push of a `wxa_media_check` verdict; anything else is not one. */
const isVerdict = (event: MediaCheckPush): event is MediaCheckPush & { trace_id: string; result: { suggest: string } } =>
  event?.MsgType === 'event' &&
  event.Event === 'wxa_media_check' &&
  typeof event.trace_id === 'string' &&
  /^[\w-]{1,128}$/.test(event.trace_id) &&
  typeof event.result?.suggest === 'string' &&
  SUGGESTIONS.has(event.result.suggest)

type Image = { fileID: string; status: string; traceId?: string }
type WithPhotos = { _id: string; images: Image[]; fulfilment: { photos: Image[] } | null }

/** Where a wish keeps photos others will see: its own, and those of its fulfilment. */
const PHOTO_LISTS = [
  { path: 'images', of: (wish: WithPhotos) => wish.images },
  { path: 'fulfilment.photos', of: (wish: WithPhotos) => wish.fulfilment?.photos ?? [] },
]

/** Documents with one photo others will see (`photo: { fileID, status, traceId }`): an AED suggestion's, a problem report's, a person's avatar. */
const SINGLE_PHOTOS = [collections.aeds, collections.aedReports, collections.users]

/**
 * Receives the result of an asynchronous photo check (configure this function as the message
 * push target for `wxa_media_check`) and shows the photo if it passed, keeps it hidden if not.
 * Only a push with a trace id the functions themselves obtained can change anything; the app
 * never sees trace ids.
 */
export async function main(event: MediaCheckPush): Promise<{ ok: boolean; updated?: number }> {
  // A well-formed verdict only: an operator object or an odd id must never reach a query.
  if (!isVerdict(event)) return { ok: false }
  const traceId = event.trace_id
  const status = event.result.suggest === 'pass' ? 'passed' : 'rejected'
  try {
    const wishes = db.collection(collections.wishes)
    for (const { path, of } of PHOTO_LISTS) {
      const { data } = await wishes.where({ [`${path}.traceId`]: traceId }).limit(1).get<WithPhotos>()
      const index = data[0] ? of(data[0]).findIndex((image) => image.traceId === traceId) : -1
      if (index < 0) continue
      // Only this photo's status, and only while it is still this photo: verdicts on a wish's
      // other photos arriving at the same moment never overwrite each other.
      // Still awaiting its verdict: a replayed push cannot show a photo once turned down.
      const { stats } = await wishes
        .where({ _id: data[0]._id, [`${path}.${index}.traceId`]: traceId, [`${path}.${index}.status`]: 'checking' })
        .update({ data: { [`${path}.${index}.status`]: status } })
      return { ok: true, updated: stats.updated }
    }
    for (const collection of SINGLE_PHOTOS) {
      // One conditional update: only the document whose photo carries this trace id, only its status.
      const { stats } = await db.collection(collection).where({ 'photo.traceId': traceId, 'photo.status': 'checking' }).update({ data: { 'photo.status': status } })
      if (stats.updated > 0) return { ok: true, updated: stats.updated }
    }
    return { ok: true, updated: 0 }
  } catch (error) {
    console.error('[mediaCheck] failed', error instanceof Error ? error.stack : error)
    return { ok: false }
  }
}
