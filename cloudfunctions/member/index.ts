import type { MemberApi } from '@/domain/member/contract'
import { defineFunction } from '../_kit/define-function'
import { apply } from './actions/apply'
import { get } from './actions/get'
import { list } from './actions/list'
import { mine } from './actions/mine'
import { review } from './actions/review'

export const main = defineFunction<MemberApi>('member', { apply, mine, review, list, get })
