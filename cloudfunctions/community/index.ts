import type { CommunityApi } from '@/domain/community/contract'
import { defineFunction } from '../_kit/define-function'
import { audit } from './actions/audit'
import { home } from './actions/home'

/** The station run by itself: its live home page and the record of what its staff did. */
export const main = defineFunction<CommunityApi>('community', { audit, home })
