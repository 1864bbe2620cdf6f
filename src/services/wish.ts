import type { WishEditInput, WishInput } from '@/domain/wish/rules'
import type { WishApi } from '@/domain/wish/contract'
import type { WishCategory } from '@/domain/wish/rules'
import { createClient } from './cloud-client'

const client = createClient<WishApi>('wish')

export type WallFilter = { communityId?: string; status?: 'open' | 'in_progress' | 'claimed' | 'fulfilled' | 'completed'; category?: WishCategory; keyword?: string }

export const wishService = {
  create: (wish: WishInput) => client('create', wish),
  list: (filter: WallFilter, page: number) => client('list', { ...filter, page, pageSize: 10 }),
  get: (wishId: string) => client('get', { wishId }),
  claim: (wishId: string) => client('claim', { wishId }),
  release: (wishId: string, reason = '') => client('release', { wishId, reason }),
  fulfil: (wishId: string, note: string, photos: string[], minutes: number) => client('fulfil', { wishId, note, photos, minutes }),
  confirm: (wishId: string, thanks = '') => client('confirm', { wishId, thanks }),
  reopen: (wishId: string, note: string) => client('reopen', { wishId, note }),
  edit: (change: WishEditInput) => client('edit', change),
  cancel: (wishId: string, reason: string) => client('cancel', { wishId, reason }),
  review: (wishId: string, decision: 'approve' | 'reject', reason = '') => client('review', { wishId, decision, reason }),
  takeDown: (wishId: string, reason: string) => client('takeDown', { wishId, reason }),
  mine: (page: number) => client('mine', { page, pageSize: 10 }),
  claimed: (page: number) => client('claimed', { page, pageSize: 10 }),
  /** `communityId` '' for all the staff member's communities. */
  reviewQueue: (communityId: string, page: number) => client('reviewQueue', { page, pageSize: 10, ...(communityId ? { communityId } : {}) }),
  hoursQueue: (page: number) => client('hoursQueue', { page, pageSize: 10 }),
  approveHours: (wishId: string, decision: 'approve' | 'reject', reason = '') => client('approveHours', { wishId, decision, reason }),
}
