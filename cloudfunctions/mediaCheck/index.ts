import { collections, db } from '../_kit/cloud'

/** WeChat's message push with the verdict of `security.mediaCheckAsync` on one photo. */
type MediaCheckPush = { Event?: string; trace_id?: string; result?: { suggest?: string } }

type Image = { fileID: string; status: string; traceId?: string }

/**
 * Receives the result of an asynchronous photo check (configure this function as the message
 * push target for `wxa_media_check`) and shows the photo if it passed, keeps it hidden if not.
 * Only a push with a trace id the functions themselves obtained can change anything; the app
 * never sees trace ids.
 */
export async function main(event: MediaCheckPush): Promise<{ ok: boolean; updated?: number }> {
  if (event?.Event !== 'wxa_media_check' || !event.trace_id) return { ok: false }
  try {
    const wishes = db.collection(collections.wishes)
    const { data } = await wishes.where({ 'images.traceId': event.trace_id }).limit(1).get<{ _id: string; images: Image[] }>()
    const wish = data[0]
    if (!wish) return { ok: true, updated: 0 }
    const status = event.result?.suggest === 'pass' ? 'passed' : 'rejected'
    const images = wish.images.map((image) => (image.traceId === event.trace_id ? { ...image, status } : image))
    await wishes.where({ _id: wish._id }).update({ data: { images } })
    return { ok: true, updated: 1 }
  } catch (error) {
    console.error('[mediaCheck] failed', error instanceof Error ? error.stack : error)
    return { ok: false }
  }
}
