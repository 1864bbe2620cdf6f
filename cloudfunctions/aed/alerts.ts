import { collections, db } from '../_kit/cloud'
import { notify } from '../_kit/notify'
import type { AedDoc } from './aeds'

/** Tells the AED's guardian alone (a new report: staff hear of their queue grouped, staff-queue.ts). */
export async function alertGuardian(aed: AedDoc, message: string): Promise<void> {
  if (aed.guardianOpenid) await notify(aed.guardianOpenid, 'aed_alert', { aedId: aed._id, aedName: aed.name, message, at: new Date() })
}

/** Tells the AED's guardian and the staff of its community. */
export async function alertKeepers(aed: AedDoc, message: string): Promise<void> {
  const { data: staff } = await db.collection(collections.users).where({ roles: 'staff', staffCommunityIds: aed.communityId }).limit(50).get<{ _id: string }>()
  const recipients = new Set([...(aed.guardianOpenid ? [aed.guardianOpenid] : []), ...staff.map((s) => s._id)])
  for (const openid of recipients) {
    await notify(openid, 'aed_alert', { aedId: aed._id, aedName: aed.name, message, at: new Date() })
  }
}
