import type { UserDoc } from '../user/types'

/**
 * Roles a person holds for one community, lowest first: 课程编辑, 工作人员, 管理员, and 区红十字会
 * (for every community of its district). The order is the rank: nobody grants a role above their own.
 */
export const COMMUNITY_ROLES = ['editor', 'staff', 'admin', 'district'] as const
export type CommunityRole = (typeof COMMUNITY_ROLES)[number]

/** Roles an invitation can carry: the district role is not a community's to give. */
export const INVITABLE_ROLES = ['editor', 'staff', 'admin'] as const
export type InvitableRole = (typeof INVITABLE_ROLES)[number]

export const COMMUNITY_ROLE_LABELS: Record<CommunityRole, string> = {
  editor: '课程编辑',
  staff: '工作人员',
  admin: '管理员',
  district: '区红十字会',
}

/** What of a user record decides their roles in a community. */
export type RoleHolder = Pick<UserDoc, 'roles' | 'staffCommunityIds' | 'adminCommunityIds' | 'editorCommunityIds' | 'districts'>

const rank = (role: CommunityRole): number => COMMUNITY_ROLES.indexOf(role)

/** The roles `user` holds in the community (of `district`), lowest first. */
export function rolesIn(user: RoleHolder | null, community: { _id: string; district: string }): CommunityRole[] {
  if (!user) return []
  const held: Record<CommunityRole, boolean> = {
    editor: user.roles.includes('editor') && (user.editorCommunityIds ?? []).includes(community._id),
    staff: user.roles.includes('staff') && user.staffCommunityIds.includes(community._id),
    // An admin is staff of the community as well: both are granted and removed together.
    admin: user.roles.includes('staff') && user.staffCommunityIds.includes(community._id) && (user.adminCommunityIds ?? []).includes(community._id),
    district: user.roles.includes('district') && (user.districts ?? []).includes(community.district),
  }
  return COMMUNITY_ROLES.filter((role) => held[role])
}

/** The highest of the roles, or null for none. */
export function highestRole(roles: readonly CommunityRole[]): CommunityRole | null {
  return roles.reduce<CommunityRole | null>((top, role) => (top === null || rank(role) > rank(top) ? role : top), null)
}

/** Runs the community (settings, staff): its admins and its district. */
export const mayManage = (roles: readonly CommunityRole[]): boolean => roles.includes('admin') || roles.includes('district')

/** Invites to `role`: a manager, and never above their own highest role. */
export function mayGrant(roles: readonly CommunityRole[], role: CommunityRole): boolean {
  const top = highestRole(roles)
  return mayManage(roles) && top !== null && rank(role) <= rank(top)
}

/** Removes someone holding `theirs`: a manager whose own rank is at least the highest of theirs. */
export function mayRemove(roles: readonly CommunityRole[], theirs: readonly CommunityRole[]): boolean {
  const top = highestRole(roles)
  const their = highestRole(theirs)
  return mayManage(roles) && top !== null && (their === null || rank(their) <= rank(top))
}

/** Invitation codes: 8 characters without look-alikes (0/O, 1/I/L), easy to read aloud to an older person. */
export const INVITE_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
export const INVITE_CODE_LENGTH = 8
/** An invitation is valid 24 hours and used once (issue #24). */
export const INVITE_VALID_MS = 24 * 60 * 60 * 1000
