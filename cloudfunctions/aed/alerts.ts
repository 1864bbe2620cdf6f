import { notify } from '../_kit/notify'
import { staffOf } from '../_kit/users'
import type { AedDoc } from './aeds'

/** Tells the AED's guardian alone (a new report: staff hear of their queue grouped, staff-queue.ts). */
export async function alertGuardian(aed: AedDoc, message: string): Promise<void> {
  if (aed.guardianOpenid) await notify(aed.guardianOpenid, 'aed_alert', { aedId: aed._id, aedName: aed.name, message, at: new Date() })
}

/** Tells the AED's guardian and the staff of its community. */
export async function alertKeepers(aed: AedDoc, message: string): Promise<void> {
  const staff = await staffOf(aed.communityId)
  const recipients = new Set([...(aed.guardianOpenid ? [aed.guardianOpenid] : []), ...staff.map((s) => s._id)])
  for (const openid of recipients) {
    await notify(openid, 'aed_alert', { aedId: aed._id, aedName: aed.name, message, at: new Date() })
  }
}
