/** The 家园数据 area's pages (a subpackage imports nothing from another, so its routes live here). */
export const statsPages = {
  community: '/packages/stats/pages/index/index',
  district: '/packages/stats/pages/district/index',
} as const
