/** Every page's path, named once (tab pages use switchTab, the rest navigateTo). */
export const tabs = {
  home: '/pages/home/index',
  wish: '/pages/wish/index',
  firstaid: '/pages/firstaid/index',
  mine: '/pages/mine/index',
} as const

export const areas = {
  member: '/packages/member/pages/index/index',
  wish: '/packages/wish/pages/index/index',
  volunteer: '/packages/volunteer/pages/index/index',
  lessons: '/packages/lessons/pages/index/index',
  aed: '/packages/aed/pages/index/index',
  staff: '/packages/staff/pages/index/index',
  inbox: '/packages/notify/pages/inbox/index',
  notifySettings: '/packages/notify/pages/settings/index',
  training: '/packages/lessons/pages/training/index',
  activityHall: '/packages/activity/pages/hall/index',
  profile: '/packages/profile/pages/index/index',
  fund: '/packages/fund/pages/public/index',
  stats: '/packages/stats/pages/index/index',
  rescue: '/packages/rescue/pages/settings/index',
} as const

/** Pages inside an area, opened from other pages (some with `?id=`). */
export const pages = {
  memberApply: '/packages/member/pages/apply/index',
  volunteerRegister: '/packages/volunteer/pages/register/index',
  wishCreate: '/packages/wish/pages/create/index',
  wishDetail: '/packages/wish/pages/detail/index',
  wishEdit: '/packages/wish/pages/edit/index',
  aedDetail: '/packages/aed/pages/detail/index',
  aedSuggest: '/packages/aed/pages/suggest/index',
  aedMine: '/packages/aed/pages/mine/index',
  lesson: '/packages/lessons/pages/lesson/index',
  quiz: '/packages/lessons/pages/quiz/index',
  staffApplication: '/packages/staff/pages/application/index',
  staffAedEdit: '/packages/staff/pages/aed-edit/index',
  staffLessons: '/packages/staff/pages/lessons/index',
  staffLessonEdit: '/packages/staff/pages/lesson-edit/index',
  staffLessonReview: '/packages/staff/pages/lesson-review/index',
  activityDetail: '/packages/activity/pages/detail/index',
  volunteerCertificate: '/packages/volunteer/pages/certificate/index',
  volunteerVerify: '/packages/volunteer/pages/verify/index',
  volunteerHonour: '/packages/volunteer/pages/honour/index',
  volunteerPoints: '/packages/volunteer/pages/points/index',
  staffActivities: '/packages/staff/pages/activities/index',
  staffActivity: '/packages/staff/pages/activity/index',
  staffActivityEdit: '/packages/staff/pages/activity-edit/index',
  staffActivityCode: '/packages/staff/pages/activity-code/index',
  myData: '/packages/profile/pages/my-data/index',
  staffFiling: '/packages/staff/pages/filing/index',
  staffAudit: '/packages/staff/pages/audit/index',
  staffRecordsExport: '/packages/staff/pages/records-export/index',
  privacy: '/packages/profile/pages/privacy/index',
  statsDistrict: '/packages/stats/pages/district/index',
  rescueRaise: '/packages/rescue/pages/raise/index',
  rescueAlert: '/packages/rescue/pages/alert/index',
  rescueStaff: '/packages/rescue/pages/staff/index',
  communitySettings: '/packages/community/pages/settings/index',
  communityTeam: '/packages/community/pages/team/index',
  communityJoin: '/packages/community/pages/join/index',
} as const

/** The import area (工作台 → 导入). */
export const importPages = {
  index: '/packages/import/pages/index/index',
  matches: '/packages/import/pages/matches/index',
} as const

/**
 * A page path with its query, e.g. `withQuery(pages.wishDetail, { id })`. Values are ids,
 * numbers and coordinates: URL-safe as they are, and pages read them back unchanged.
 */
export function withQuery(path: string, query: Record<string, string | number>): string {
  return `${path}?${Object.entries(query).map(([key, value]) => `${key}=${value}`).join('&')}`
}
