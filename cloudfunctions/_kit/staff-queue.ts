import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import { CHINA_OFFSET_MINUTES } from '@/domain/dates'
import type { StaffQueue } from '@/domain/notify/kinds'
import { _, collections, db } from './cloud'
import { ownedId } from './ids'
import { notify } from './notify'
import { staffOf } from './users'

dayjs.extend(utc)

/** The queues of one community's staff (lesson drafts wait for the editors of every community). */
type CommunityQueue = Exclude<StaffQueue, 'lesson_drafts'>

/** Where each queue's waiting items are, and the status they wait in. */
const WAITING: Record<CommunityQueue, { collection: string; status: string }> = {
  applications: { collection: collections.applications, status: 'pending' },
  volunteers: { collection: collections.volunteers, status: 'pending' },
  wishes: { collection: collections.wishes, status: 'pending_review' },
  aed_reports: { collection: collections.aedReports, status: 'open' },
  fund_aid: { collection: collections.fundAid, status: 'pending' },
}

/** The China-time hour a queue's message belongs to: one message per queue, person and hour. */
export const hourOf = (at: Date) => dayjs(at).utcOffset(CHINA_OFFSET_MINUTES).format('YYYYMMDDHH')

/**
 * A new item waits in a staff queue of `communityId`: each staff member of it hears once per
 * queue and hour (China time) how many items wait in that queue across their communities. The
 * message of the hour has a deterministic id, so the later items of the hour update its count
 * instead of sending another. The WeChat message goes out with the scheduler's next run: the
 * caller (a resident's 3 s call) has no room to wait for up to 50 sends. Never fails the caller's
 * action: the item is in the queue already.
 */
export async function tellStaffOfQueue(communityId: string, queue: CommunityQueue): Promise<void> {
  const at = new Date()
  const hour = hourOf(at)
  const { collection, status } = WAITING[queue]
  try {
    const staff = await staffOf(communityId)
    await Promise.all(
      staff.map(async ({ _id: openid, staffCommunityIds }) => {
        const { total } = await db.collection(collection).where({ communityId: _.in(staffCommunityIds), status }).count()
        await notify(openid, 'staff_todo', { queue, waiting: total, at }, { groupId: ownedId('td', `${openid}|${queue}|${hour}`), later: true })
      }),
    )
  } catch (error) {
    console.error(`[staff-queue] staff not told: queue=${queue}`, error instanceof Error ? error.message : error)
  }
}
