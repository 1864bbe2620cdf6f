import type { CommunityApi } from '@/domain/community/contract'
import { defineFunction } from '../_kit/define-function'
import { audit } from './actions/audit'
import { dashboard } from './actions/dashboard'
import { home } from './actions/home'
import { invite } from './actions/invite'
import { join } from './actions/join'
import { get, update } from './actions/settings'
import { removeStaff, staff } from './actions/staff'

/** The station at a glance: its 工作台, its settings, the people who run it, the record of what they did, and its live home page. */
export const main = defineFunction<CommunityApi>('community', {
  dashboard,
  get,
  update,
  invite,
  join,
  staff,
  removeStaff,
  audit,
  home,
})
