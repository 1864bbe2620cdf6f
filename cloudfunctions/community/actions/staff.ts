import { communityInputs, type StaffList } from '@/domain/community/contract'
import { mayManage, mayRemove, rolesIn, type CommunityRole } from '@/domain/community/roles'
import { AppError } from '@/domain/errors'
import type { UserDoc } from '@/domain/user/types'
import { requireCommunity } from '../../_kit/communities'
import { action } from '../../_kit/define-function'
import { callerIn, users, type CommunityDoc } from '../access'
import { removeCommunityRoles } from '../grants'

/** A community's staff, admins and editors: read by one query each, served by their indexes. */
async function staffListOf(community: CommunityDoc, myRoles: CommunityRole[], openid: string): Promise<StaffList> {
  return listFrom(community, myRoles, openid, await readStaff(community._id))
}

function readStaff(communityId: string): Promise<UserDoc[][]> {
  return Promise.all([
    users().where({ staffCommunityIds: communityId }).limit(100).get<UserDoc>(),
    users().where({ editorCommunityIds: communityId }).limit(100).get<UserDoc>(),
  ]).then((lists) => lists.map(({ data }) => data))
}

function listFrom(community: CommunityDoc, myRoles: CommunityRole[], openid: string, [staff, editors]: UserDoc[][]): StaffList {
  const people = new Map([...staff, ...editors].map((u) => [u._id, u]))
  const items = [...people.values()]
    .map((u) => ({ userId: u._id, displayName: u.displayName, roles: rolesIn(u, community).filter((r) => r !== 'district'), isSelf: u._id === openid }))
    .filter((m) => m.roles.length > 0)
    // Admins first, then staff, then editors; by name within each.
    .sort((a, b) => b.roles.length - a.roles.length || b.roles[b.roles.length - 1].localeCompare(a.roles[a.roles.length - 1]) || a.displayName.localeCompare(b.displayName, 'zh'))
  return { communityId: community._id, communityName: community.name, items, canManage: mayManage(myRoles), myRoles }
}

/** 工作人员: who holds a role in the community, for anyone who holds one there (or its district). */
export const staff = action({
  input: communityInputs.staff,
  audience: ['staff', 'editor', 'district'],
  async handler({ communityId }, ctx) {
    const { community, roles } = await callerIn(communityId, ctx)
    if (roles.length === 0) throw new AppError('FORBIDDEN', '只有本社区的工作人员可以查看')
    return staffListOf(community, roles, ctx.openid)
  },
  audit: 'read',
})

/**
 * An admin (or the district) takes someone's roles in the community away, or a person leaves it
 * themselves. Nobody removes someone ranked above them; the last admin stays (grants.ts).
 */
export const removeStaff = action({
  input: communityInputs.removeStaff,
  audience: ['staff', 'editor', 'district'],
  // The community and the person to remove, beside the caller's record.
  preload: ({ communityId, userId }) => Promise.all([requireCommunity(communityId) as Promise<CommunityDoc>, users().where({ _id: userId }).limit(1).get<UserDoc>()]),
  async handler({ communityId, userId }, ctx, [known, { data }]) {
    const { community, user, roles } = await callerIn(communityId, ctx, known)
    const target = data[0] ?? null
    const theirs = rolesIn(target, community).filter((r) => r !== 'district')
    const self = userId === ctx.openid
    if (!self && !mayRemove(roles, theirs)) throw new AppError('FORBIDDEN', '只有本社区的管理员可以移除工作人员')
    // The list is read beside the removal and shown without the removed person (who holds no role there after it).
    const [, lists] = await Promise.all([target ? removeCommunityRoles(target, community) : null, readStaff(communityId)])
    const without = lists.map((list) => list.filter((u) => u._id !== userId))
    const after = { ...community, adminOpenids: (community.adminOpenids ?? []).filter((id) => id !== userId) }
    return listFrom(after, rolesIn(user, after), ctx.openid, without)
  },
  audit: (input) => ({ communityId: input.communityId, target: input.userId, summary: '移除工作人员', key: `${input.communityId}:${input.userId}` }),
})
