import { ownedId } from '../_kit/ids'
import { notify, notifyEach } from '../_kit/notify'
import { staffOf } from '../_kit/users'
import type { AedDoc } from './aeds'

/** Tells the AED's guardian alone (a new report: staff hear of their queue grouped, staff-queue.ts). */
export async function alertGuardian(aed: AedDoc, message: string, quoting?: string): Promise<void> {
  if (aed.guardianOpenid) await notify(aed.guardianOpenid, 'aed_alert', { aedId: aed._id, aedName: aed.name, message, at: new Date() }, { quoting })
}

/**
 * Tells the AED's guardian and the staff of its community, as one fan-out (inbox now, WeChat
 * messages through the outbox), once per `occasion` (e.g. the day's inspection): a retry tells
 * nobody twice. `quoting`: whose words the message carries (a reporter's note).
 */
export async function alertKeepers(aed: AedDoc, message: string, occasion: string, quoting?: string): Promise<void> {
  const staff = await staffOf(aed.communityId)
  const recipients = new Set([...(aed.guardianOpenid ? [aed.guardianOpenid] : []), ...staff.map((s) => s._id)])
  const payload = { aedId: aed._id, aedName: aed.name, message, at: new Date() }
  await notifyEach(
    'aed_alert',
    [...recipients].map((openid) => ({ _id: ownedId('aa', `${aed._id}|${occasion}|${openid}`), openid, payload, quoting })),
  )
}
