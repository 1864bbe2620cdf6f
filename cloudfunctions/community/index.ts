import type { CommunityApi } from '@/domain/community/contract'
import { defineFunction } from '../_kit/define-function'
import { home } from './actions/home'

/** A community station run by itself: its live home page. */
export const main = defineFunction<CommunityApi>('community', { home })
