export const ROLES = ['resident', 'member', 'volunteer', 'staff', 'editor', 'district'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  member: '红十字会员',
  volunteer: '志愿者',
  staff: '社区红十字工作人员',
  /** Edits the first-aid lessons every community reads (granted in the console, like staff). */
  editor: '急救课程编辑',
  /** 区红十字会: receives the 备案 of members of every community of its district (granted in the console). */
  district: '区红十字会工作人员',
}

/** Everyone who opens the mini-program is a resident; other roles are granted. */
export function effectiveRoles(granted: readonly Role[]): Role[] {
  return ROLES.filter((role) => role === 'resident' || granted.includes(role))
}
