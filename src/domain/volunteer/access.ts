import type { VolunteerStatus } from './profile'

/** Where a volunteer stands: their home community, and the others they asked to serve in. */
export type Standing = { status: VolunteerStatus; communityId: string; activeIn?: string[]; pendingIn?: string[] }

export type AccessVerdict = 'yes' | 'not_volunteer' | 'needs_approval' | 'pending'

/**
 * Whether a volunteer may claim or sign up in a community (《中国红十字志愿服务管理办法》: volunteers
 * serve through the Red Cross organisation that registered and manages them; 《志愿服务条例》2017
 * 第十五条: the organisation fits the tasks it gives to the volunteer). Active at home; elsewhere at
 * once where the community takes volunteers without review, otherwise once its staff approved them.
 */
export function mayActIn(volunteer: Standing | null, community: { _id: string; volunteerApprovalRequired: boolean }): AccessVerdict {
  if (!volunteer || volunteer.status !== 'active') return 'not_volunteer'
  if (volunteer.communityId === community._id || volunteer.activeIn?.includes(community._id)) return 'yes'
  if (!community.volunteerApprovalRequired) return 'yes'
  return volunteer.pendingIn?.includes(community._id) ? 'pending' : 'needs_approval'
}

export const ACCESS_MESSAGES: Record<Exclude<AccessVerdict, 'yes'>, (communityName: string) => string> = {
  not_volunteer: () => '注册成为志愿者并通过审核后才能认领心愿或报名活动',
  needs_approval: (name) => `${name}的志愿者需经社区审核，请先在“我的志愿”里申请到${name}服务`,
  pending: (name) => `您到${name}服务的申请正在审核，通过后才能认领或报名`,
}
