import type { Role } from '@/domain/roles'
import type { UserDoc } from '@/domain/user/types'
import { defaultDisplayName } from '@/domain/user/types'
import { collections, db, isDuplicateKey } from './cloud'

const users = () => db.collection(collections.users)

export async function findUser(openid: string): Promise<UserDoc | null> {
  const { data } = await users().where({ _id: openid }).limit(1).get()
  return (data[0] as UserDoc | undefined) ?? null
}

/**
 * The staff of a community (at most 50). The role is checked here, not in the query: an index
 * over both `roles` and `staffCommunityIds` would hold two arrays per user, which MongoDB refuses
 * (error 171, cannot index parallel arrays), so `users.staff_of_community` indexes only the latter.
 */
export async function staffOf(communityId: string): Promise<UserDoc[]> {
  const { data } = await users().where({ staffCommunityIds: communityId }).limit(50).get()
  return (data as UserDoc[]).filter((user) => user.roles.includes('staff'))
}

/** A person's user record, created on first contact. */
async function loadOrCreateUser(openid: string): Promise<UserDoc> {
  return (await findUser(openid)) ?? createUser(openid)
}

/** The record a person starts with. */
const freshUser = (openid: string): UserDoc => ({
  _id: openid,
  displayName: defaultDisplayName(openid),
  roles: [],
  homeCommunityId: null,
  staffCommunityIds: [],
  createdAt: new Date(),
})

/**
 * A first-time caller's record. Two first calls racing each other both end up with the one
 * record: the loser's insert fails on the duplicate `_id` and it reads the winner's back.
 */
export async function createUser(openid: string): Promise<UserDoc> {
  const fresh = freshUser(openid)
  try {
    // The function's own clock, so the record answered is exactly the one stored.
    await users().add({ data: fresh })
  } catch (error) {
    const raced = await findUser(openid)
    if (raced) return raced
    throw error
  }
  return fresh
}

/**
 * Grants a role (creating the user record if the person never opened the app since), and sets
 * their home community when they have none yet. `fields` are profile fields to set regardless.
 * `known`: the person's record as the caller already read it (null: read, and there was none).
 */
export async function grantRole(openid: string, role: Role, communityId: string, fields: Partial<Pick<UserDoc, 'displayName' | 'homeCommunityId'>> = {}, known?: UserDoc | null): Promise<void> {
  const roles = db.command.addToSet(role)
  // Known: one update, no read.
  if (known) {
    await users().where({ _id: openid }).update({ data: { roles, ...(known.homeCommunityId ? {} : { homeCommunityId: communityId }), ...fields } })
    return
  }
  // Known to be missing: the record is created with the role (one insert); made meanwhile, it is updated below.
  if (known === null) {
    try {
      await users().add({ data: { ...freshUser(openid), roles: [role], homeCommunityId: communityId, ...fields } })
      return
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
    }
  }
  // Unknown: two conditional updates side by side, one for a record without a home community and
  // one for a record with one; exactly one matches an existing record, none a missing one.
  const [homeless, housed] = await Promise.all([
    users().where({ _id: openid, homeCommunityId: null }).update({ data: { roles, homeCommunityId: communityId, ...fields } }),
    users().where({ _id: openid, homeCommunityId: db.command.neq(null) }).update({ data: { roles, ...fields } }),
  ])
  if (homeless.stats.updated + housed.stats.updated > 0) return
  const user = await loadOrCreateUser(openid)
  await users().where({ _id: openid }).update({ data: { roles, ...(user.homeCommunityId ? {} : { homeCommunityId: communityId }), ...fields } })
}
