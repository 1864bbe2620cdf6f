import type { CommunityApi } from '@/domain/community/contract'
import type { InvitableRole } from '@/domain/community/roles'
import { createClient } from './cloud-client'

const client = createClient<CommunityApi>('community')

type Input<K extends keyof CommunityApi> = CommunityApi[K]['input']

export const communityService = {
  dashboard: () => client('dashboard', {}),
  settings: (communityId: string) => client('get', { communityId }),
  update: (changes: Input<'update'>) => client('update', changes),
  /** `requestId`: made once per tap of 生成邀请码, so a retried call answers the same code. */
  invite: (communityId: string, role: InvitableRole, requestId: string) => client('invite', { communityId, role, requestId }),
  join: (code: string) => client('join', { code }),
  staff: (communityId: string) => client('staff', { communityId }),
  removeStaff: (communityId: string, userId: string) => client('removeStaff', { communityId, userId }),
}
