import { collections, db } from '../../_kit/cloud'
import { ERASED_OPENID } from './erased'

/**
 * The audit trail is the organisation's record of who decided what (a decision, a ledger entry, an
 * opening of an ID number), so it stays: a staff member's 注销 unlinks their entries from the
 * account (openid replaced) and keeps the name they acted under, as the ledger keeps 经办人.
 * Summaries never name the residents acted on (only ids), so nothing of a resident is kept here.
 */
export async function eraseFromAuditLog(openid: string): Promise<void> {
  await db.collection(collections.auditLog).where({ actorOpenid: openid }).update({ data: { actorOpenid: ERASED_OPENID } })
}
