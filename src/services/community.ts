import type { CommunityApi } from '@/domain/community/contract'
import type { CommunityHome } from '@/domain/community/home'
import type { InvitableRole } from '@/domain/community/roles'
import { createClient } from './cloud-client'

const client = createClient<CommunityApi>('community')

type Input<K extends keyof CommunityApi> = CommunityApi[K]['input']

/** The home page asks again at most once a minute per community (the figures change hourly, wishes by the minute). */
const HOME_CACHE_MS = 60_000
const homeCache = new Map<string, { at: number; home: CommunityHome }>()

export const communityService = {
  dashboard: () => client('dashboard', {}),
  settings: (communityId: string) => client('get', { communityId }),
  update: (changes: Input<'update'>) => client('update', changes),
  /** `requestId`: made once per tap of 生成邀请码, so a retried call answers the same code. */
  invite: (communityId: string, role: InvitableRole, requestId: string) => client('invite', { communityId, role, requestId }),
  join: (code: string) => client('join', { code }),
  staff: (communityId: string) => client('staff', { communityId }),
  removeStaff: (communityId: string, userId: string) => client('removeStaff', { communityId, userId }),
  /** 操作记录: without a community, every one the caller may read. */
  audit: (communityId: string | undefined, page: number) => client('audit', { communityId, page, pageSize: 20 }),
  async home(communityId: string, { fresh = false }: { fresh?: boolean } = {}): Promise<CommunityHome> {
    const cached = homeCache.get(communityId)
    if (!fresh && cached && Date.now() - cached.at < HOME_CACHE_MS) return cached.home
    const home = await client('home', { communityId })
    homeCache.set(communityId, { at: Date.now(), home })
    return home
  },
}
