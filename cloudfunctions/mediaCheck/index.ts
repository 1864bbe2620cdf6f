import type { MediaSuggestion } from '@/domain/photo/checks'
import { applyVerdict, keepVerdict } from '../_kit/photo-checks'

/** WeChat's message push with the verdict of `security.mediaCheckAsync` on one photo. */
type MediaCheckPush = { MsgType?: unknown; Event?: unknown; trace_id?: unknown; result?: { suggest?: unknown } }

const SUGGESTIONS: readonly unknown[] = ['pass', 'review', 'risky'] satisfies MediaSuggestion[]

/** Shaped as WeChat's push of a `wxa_media_check` verdict; anything else is not one. */
const isVerdict = (event: MediaCheckPush): event is MediaCheckPush & { trace_id: string; result: { suggest: MediaSuggestion } } =>
  event?.MsgType === 'event' &&
  event.Event === 'wxa_media_check' &&
  typeof event.trace_id === 'string' &&
  /^[\w-]{1,128}$/.test(event.trace_id) &&
  SUGGESTIONS.includes(event.result?.suggest)

/**
 * Receives the result of an asynchronous photo check (configure this function as the message
 * push target for `wxa_media_check`): a pass shows the photo, `risky` keeps it hidden, `review`
 * hands it to staff. The verdict is kept first, then applied: a push that arrives before the
 * writer stored its trace id is applied by that writer instead (`applyEarlyVerdicts`). Only a
 * push with a trace id the functions themselves obtained can change a photo; the app never sees
 * trace ids.
 */
export async function main(event: MediaCheckPush): Promise<{ ok: boolean; updated?: number }> {
  // A well-formed verdict only: an operator object or an odd id must never reach a query.
  if (!isVerdict(event)) return { ok: false }
  try {
    const suggest = await keepVerdict(event.trace_id, event.result.suggest)
    return { ok: true, updated: await applyVerdict(event.trace_id, suggest) }
  } catch (error) {
    console.error('[mediaCheck] failed', error instanceof Error ? error.stack : error)
    return { ok: false }
  }
}
