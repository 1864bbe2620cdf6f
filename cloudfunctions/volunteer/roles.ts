import { _, collections, db } from '../_kit/cloud'
import { loadOrCreateUser } from '../_kit/users'

/** Makes the person a volunteer (the role that lets them claim wishes and join activities). */
export async function grantVolunteerRole(openid: string, communityId: string): Promise<void> {
  const user = await loadOrCreateUser(openid)
  await db
    .collection(collections.users)
    .where({ _id: openid })
    .update({ data: { roles: _.addToSet('volunteer'), ...(user.homeCommunityId ? {} : { homeCommunityId: communityId }) } })
}
