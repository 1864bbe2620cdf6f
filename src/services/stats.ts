import type { StatsApi } from '@/domain/stats/contract'
import type { Targets } from '@/domain/stats/figures'
import { createClient } from './cloud-client'

const client = createClient<StatsApi>('stats')

export const statsService = {
  community: (communityId: string, year: number) => client('community', { communityId, year }),
  /** The district named, or the caller's own (district role) when left out. */
  district: (year: number, district?: string) => client('district', { year, ...(district ? { district } : {}) }),
  setTargets: (communityId: string, year: number, targets: Targets) => client('setTargets', { communityId, year, targets }),
  exportCsv: (year: number) => client('export', { year }),
}
