import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import { CHINA_OFFSET_MINUTES } from '@/domain/dates'
import type { StaffQueue } from '@/domain/notify/kinds'
import { _, collections, db } from './cloud'
import { ownedId } from './ids'
import type { UserDoc } from '@/domain/user/types'
import { wakeJob } from './job-marks'
import { notifyGroupLater, settingsOfEach, willQueue } from './notify'
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
 * message of the hour has a deterministic id, so the later items of the hour bring its count up
 * to date instead of sending another. The WeChat message goes out with the scheduler's next run:
 * the caller (a resident's 3 s call) has no room to wait for up to 50 sends. Three round trips
 * whatever the number of staff: the staff (or `staff`, read by the caller beside its own reads);
 * one count per set of communities staff serve, beside their settings; the messages side by side,
 * with the outbox job woken beside them. Never fails the caller's action: the item is in the queue already.
 */
export async function tellStaffOfQueue(communityId: string, queue: CommunityQueue, staff?: UserDoc[] | Promise<UserDoc[] | undefined>): Promise<void> {
  const at = new Date()
  const hour = hourOf(at)
  const { collection, status } = WAITING[queue]
  try {
    const people = (await staff) ?? (await staffOf(communityId))
    if (people.length === 0) return
    // Staff serving the same communities (most often all of them) share one count.
    const scopes = new Map(people.map(({ staffCommunityIds }) => [scopeKey(staffCommunityIds), staffCommunityIds]))
    const [counts, settings] = await Promise.all([
      Promise.all([...scopes].map(async ([key, ids]) => [key, (await db.collection(collection).where({ communityId: _.in(ids), status }).count()).total] as const)),
      settingsOfEach(people.map(({ _id }) => _id)),
    ])
    const waiting = new Map(counts)
    // The outbox job is woken beside the messages when any of them may be queued (a wake with nothing new costs its run one read).
    await Promise.all([
      ...people.map(({ _id: openid, staffCommunityIds }) =>
        notifyGroupLater(openid, 'staff_todo', { queue, waiting: waiting.get(scopeKey(staffCommunityIds)) ?? 0, at }, ownedId('td', `${openid}|${queue}|${hour}`), settings.get(openid) ?? null),
      ),
      people.some(({ _id }) => willQueue('staff_todo', settings.get(_id) ?? null)) ? wakeJob('outbox') : null,
    ])
  } catch (error) {
    console.error(`[staff-queue] staff not told: queue=${queue}`, error instanceof Error ? error.message : error)
  }
}

const scopeKey = (communityIds: readonly string[]) => [...communityIds].sort().join('|')
