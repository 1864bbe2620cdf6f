import type { InvitableRole } from '@/domain/community/roles'
import { AppError } from '@/domain/errors'
import type { UserDoc } from '@/domain/user/types'
import { _ } from '../_kit/cloud'
import { communities, users, type CommunityDoc } from './access'

/**
 * Gives `openid` a role in the community, each step an atomic add (safe to run again). An admin
 * is staff as well, and is listed on the community: that list is what keeps the last admin.
 */
export async function grantCommunityRole(openid: string, communityId: string, role: InvitableRole): Promise<void> {
  if (role === 'admin') await communities().where({ _id: communityId }).update({ data: { adminOpenids: _.addToSet(openid) } })
  const data =
    role === 'editor'
      ? { roles: _.addToSet('editor'), editorCommunityIds: _.addToSet(communityId) }
      : { roles: _.addToSet('staff'), staffCommunityIds: _.addToSet(communityId), ...(role === 'admin' ? { adminCommunityIds: _.addToSet(communityId) } : {}) }
  await users().where({ _id: openid }).update({ data })
}

/**
 * Takes every role of `openid` in the community away. An admin leaves the community's list first,
 * by one conditional update that holds only while another admin stays, so two admins removing each
 * other at once never leave the community without one. A role of no community any more goes too.
 */
export async function removeCommunityRoles(user: UserDoc, community: CommunityDoc): Promise<void> {
  const openid = user._id
  if ((community.adminOpenids ?? []).includes(openid)) {
    const { stats } = await communities()
      .where({ _id: community._id, adminOpenids: openid, 'adminOpenids.1': _.exists(true) })
      .update({ data: { adminOpenids: _.pull(openid) } })
    if (stats.updated !== 1) {
      const { data } = await communities().where({ _id: community._id }).field({ adminOpenids: true }).get<CommunityDoc>()
      // Gone already: a retry of a removal that got this far.
      if ((data[0]?.adminOpenids ?? []).includes(openid)) throw new AppError('CONFLICT', '这是本社区唯一的管理员，请先邀请另一位管理员')
    }
  }
  // Only the lists the record has: a pull on a missing field is a no-op in MongoDB, but the local store refuses it.
  const lists = (['staffCommunityIds', 'adminCommunityIds', 'editorCommunityIds'] as const).filter((field) => Array.isArray(user[field]))
  await users()
    .where({ _id: openid })
    .update({ data: Object.fromEntries(lists.map((field) => [field, _.pull(community._id)])) })
  await Promise.all([
    users().where({ _id: openid, staffCommunityIds: _.size(0) }).update({ data: { roles: _.pull('staff') } }),
    lists.includes('editorCommunityIds') ? users().where({ _id: openid, editorCommunityIds: _.size(0) }).update({ data: { roles: _.pull('editor') } }) : null,
  ])
}
