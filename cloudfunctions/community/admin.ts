import { AppError } from '@/domain/errors'
import type { UserDoc } from '@/domain/user/types'

/** The communities a person administers (管理员: staff of that community holding its admin role). */
export function adminCommunityIds(user: UserDoc | null): string[] {
  if (!user || !user.roles.includes('staff')) return []
  return user.staffCommunityIds.filter((communityId) => (user.adminCommunityIds ?? []).includes(communityId))
}

/** Throws FORBIDDEN unless the person administers that community. */
export function requireAdminOf(user: UserDoc | null, communityId: string): void {
  if (!adminCommunityIds(user).includes(communityId)) throw new AppError('FORBIDDEN', '只有本社区的管理员可以查看')
}
