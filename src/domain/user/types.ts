import type { CheckedPhoto } from '../photo/checks'
import type { Role } from '../roles'

/** The `users` document, keyed by the caller's OPENID. */
export type UserDoc = {
  _id: string
  displayName: string
  /** Granted roles; `resident` is implied for everyone. */
  roles: Role[]
  homeCommunityId: string | null
  staffCommunityIds: string[]
  /** Communities this person runs as 管理员 (settings, staff); always a subset of `staffCommunityIds`. */
  adminCommunityIds?: string[]
  /** Communities that made this person a 课程编辑 (the `editor` role itself is in `roles`). */
  editorCommunityIds?: string[]
  /** For the `district` role: the districts (as communities name them, e.g. 绍兴市柯桥区) whose 备案 they receive. */
  districts?: string[]
  /** The avatar the person chose, shown once its photo check passed (`photo`, as on other documents with one photo). */
  photo?: CheckedPhoto | null
  createdAt: Date
  /**
   * 注销 under way: the record is a tombstone that refuses the person's every other call until the
   * final sweep after `sweepAfter` (when calls running at the start can no longer write) removes it.
   */
  erasing?: { since: Date; sweepAfter: Date }
}

/** A fresh person gets a neutral name until they give one (e.g. in an application). */
export function defaultDisplayName(openid: string): string {
  return `居民${openid.slice(-4).toUpperCase()}`
}
