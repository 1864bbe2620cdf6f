import type { VolunteerApi } from '@/domain/volunteer/contract'
import { defineFunction } from '../_kit/define-function'
import { list } from './actions/list'
import { mine } from './actions/mine'
import { register } from './actions/register'
import { review } from './actions/review'
import { update } from './actions/update'

export const main = defineFunction<VolunteerApi>('volunteer', { register, mine, update, list, review })
