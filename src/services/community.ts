import type { AuditApi } from '@/domain/audit/contract'
import { createClient } from './cloud-client'

const client = createClient<AuditApi>('community')

export const communityService = {
  /** 操作记录: without a community, every one the caller may read. */
  audit: (communityId: string | undefined, page: number) => client('audit', { communityId, page, pageSize: 20 }),
}
