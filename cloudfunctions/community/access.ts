import type { Community } from '@/domain/community/types'
import { mayManage, rolesIn, type CommunityRole } from '@/domain/community/roles'
import { AppError } from '@/domain/errors'
import type { UserDoc } from '@/domain/user/types'
import { collections, db } from '../_kit/cloud'
import { requireCommunity } from '../_kit/communities'
import type { ActionContext } from '../_kit/define-function'

/** A community as this function stores it: who its admins are, for the last-admin guard. */
export type CommunityDoc = Community & { adminOpenids?: string[] }

export const communities = () => db.collection(collections.communities)
export const users = () => db.collection(collections.users)

/** The community and the caller's roles in it, read together (`known`: the community as the action preloaded it). */
export async function callerIn(communityId: string, ctx: ActionContext, known?: CommunityDoc): Promise<{ community: CommunityDoc; user: UserDoc; roles: CommunityRole[] }> {
  const [community, user] = await Promise.all([known ?? (requireCommunity(communityId) as Promise<CommunityDoc>), ctx.user()])
  return { community, user, roles: rolesIn(user, community) }
}

/** The community's admins and its district run it; anyone else is FORBIDDEN. */
export async function requireManagerOf(communityId: string, ctx: ActionContext, known?: CommunityDoc) {
  const found = await callerIn(communityId, ctx, known)
  if (!mayManage(found.roles)) throw new AppError('FORBIDDEN', '只有本社区的管理员可以进行这项操作')
  return found
}
