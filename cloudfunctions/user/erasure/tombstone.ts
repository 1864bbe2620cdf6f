import { ERASED_NAME, deleteFiles } from './erased'
import { collections, db } from '../../_kit/cloud'
import { wakeJob } from '../../_kit/job-marks'
import type { UserDoc } from '@/domain/user/types'

/**
 * How long after the tombstone a call that had already passed the gate could still write: the
 * longest function timeout CloudBase allows (60 s), doubled for clock skew between instances.
 */
export const IN_FLIGHT_MS = 120_000

const users = () => db.collection(collections.users)

/**
 * The user record becomes the tombstone: nothing of the profile is kept (nickname, avatar file,
 * roles, community), only that the erasure is under way. Written whole (`set`), so it also undoes
 * a role or name a racing call may have added. The first write of 注销, and the last of each sweep.
 */
export async function writeTombstone(user: UserDoc): Promise<void> {
  await deleteFiles([user.photo?.fileID])
  const since = user.erasing?.since ?? new Date()
  const tombstone = { displayName: ERASED_NAME, roles: [], homeCommunityId: null, staffCommunityIds: [], createdAt: since, erasing: { since, sweepAfter: new Date(Date.now() + IN_FLIGHT_MS) } }
  // The scheduler's erasure job sleeps while no tombstone waits: this one wakes it.
  await Promise.all([users().doc(user._id).set({ data: tombstone }), wakeJob('erasure')])
}

/** Tombstones whose last sweep is due. */
export async function dueTombstones(limit: number): Promise<UserDoc[]> {
  const { data } = await users().where({ 'erasing.sweepAfter': db.command.lt(new Date()) }).limit(limit).get<UserDoc>()
  return data
}

/** When the earliest tombstone's last sweep falls due (null: none waits). */
export async function nextSweep(): Promise<Date | null> {
  const { data } = await users().where({ 'erasing.sweepAfter': db.command.gte(new Date(0)) }).orderBy('erasing.sweepAfter', 'asc').limit(1).field({ erasing: true }).get<UserDoc>()
  return data[0]?.erasing?.sweepAfter ?? null
}

/** The end of 注销: the tombstone goes, unless a retry of 注销 moved its sweep later meanwhile. */
export async function removeTombstone(user: UserDoc): Promise<boolean> {
  const { stats } = await users().where({ _id: user._id, 'erasing.sweepAfter': user.erasing?.sweepAfter }).remove()
  return stats.removed === 1
}
