import { collections, db } from '../../_kit/cloud'
import { ownedId } from '../../_kit/ids'
import { ERASED_OPENID } from './erased'

/** A responder's record and chosen places go at once (the places are never kept for figures). */
export async function eraseResponder(openid: string): Promise<void> {
  await db.collection(collections.responderPlaces).where({ openid }).remove()
  await db.collection(collections.responders).where({ _id: ownedId('rp', openid) }).remove()
}

/**
 * 紧急呼 alerts they raised and answered stay as anonymous figures (times, roles, outcome), as
 * they do 24 h after any alert closes: without who, where or the note.
 */
export async function eraseFromRescue(openid: string): Promise<void> {
  await db.collection(collections.rescueAlerts).where({ raiserOpenid: openid }).update({ data: { raiserOpenid: null, location: null, note: null } })
  await db.collection(collections.rescueRecipients).where({ openid }).update({ data: { openid: ERASED_OPENID } })
}
