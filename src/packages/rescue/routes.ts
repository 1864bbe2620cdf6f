/** The rescue area's pages (a subpackage imports nothing from another, so its routes live here). */
export const rescuePages = {
  settings: '/packages/rescue/pages/settings/index',
  raise: '/packages/rescue/pages/raise/index',
  alert: '/packages/rescue/pages/alert/index',
  staff: '/packages/rescue/pages/staff/index',
} as const
