/** The fund area's pages (a subpackage imports nothing from another, so its routes live here). */
export const fundPages = {
  public: '/packages/fund/pages/public/index',
  apply: '/packages/fund/pages/apply/index',
  aid: '/packages/fund/pages/aid/index',
  staff: '/packages/fund/pages/staff/index',
  receipt: '/packages/fund/pages/receipt/index',
} as const
