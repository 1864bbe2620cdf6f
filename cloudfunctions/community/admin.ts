import { AppError } from '@/domain/errors'
import type { UserDoc } from '@/domain/user/types'

/**
 * The communities a person administers. Until roles per community exist, an admin of a community
 * is its staff (`users.staffCommunityIds`); when the 管理员 role arrives, this is the one place to
 * change.
 */
export function adminCommunityIds(user: UserDoc | null): string[] {
  if (!user || !user.roles.includes('staff')) return []
  return user.staffCommunityIds
}

/** Throws FORBIDDEN unless the person administers that community. */
export function requireAdminOf(user: UserDoc | null, communityId: string): void {
  if (!adminCommunityIds(user).includes(communityId)) throw new AppError('FORBIDDEN', '只有本社区的管理员可以查看')
}
