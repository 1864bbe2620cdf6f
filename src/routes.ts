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
  training: '/packages/lessons/pages/training/index',
} as const
