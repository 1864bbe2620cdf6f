import type { AuditApi } from '@/domain/audit/contract'
import { defineFunction } from '../_kit/define-function'
import { audit } from './actions/audit'

/** The station run by itself: its settings, staff and the record of what they did. */
export const main = defineFunction<AuditApi>('community', {
  audit,
})
