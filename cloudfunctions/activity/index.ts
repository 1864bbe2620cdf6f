import type { ActivityApi } from '@/domain/activity/contract'
import { defineFunction } from '../_kit/define-function'
import { attendance } from './actions/attendance'
import { cancel } from './actions/cancel'
import { cancelSignup } from './actions/cancel-signup'
import { checkIn, checkOut } from './actions/check-in-out'
import { code } from './actions/code'
import { confirmAttendance } from './actions/confirm-attendance'
import { create } from './actions/create'
import { get } from './actions/get'
import { list } from './actions/list'
import { requestMakeup, reviewMakeup } from './actions/makeup'
import { mine } from './actions/mine'
import { signup } from './actions/signup'
import { update } from './actions/update'

export const main = defineFunction<ActivityApi>('activity', {
  create,
  update,
  cancel,
  list,
  get,
  signup,
  cancelSignup,
  checkIn,
  checkOut,
  code,
  attendance,
  confirmAttendance,
  requestMakeup,
  reviewMakeup,
  mine,
})
