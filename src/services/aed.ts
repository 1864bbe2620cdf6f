import Taro from '@tarojs/taro'
import type { AedApi, NearbyAed, ReportKind } from '@/domain/aed/contract'
import type { InspectionCycle } from '@/domain/aed/inspection'
import { keepAeds, readKept, type KeptAeds } from '@/domain/aed/offline'
import { createClient } from './cloud-client'

const client = createClient<AedApi>('aed')

const KEPT_KEY = 'boai.keptAeds'

/** The AEDs this phone has seen (src/domain/aed/offline.ts), for the emergency screen without signal. */
export function keptAeds(): KeptAeds | null {
  try {
    return readKept(Taro.getStorageSync(KEPT_KEY))
  } catch {
    return null
  }
}

/** Every AED list that loads is kept; a full or refused storage only loses the copy, never the answer. */
function keep(items: readonly NearbyAed[]): void {
  try {
    Taro.setStorageSync(KEPT_KEY, keepAeds(keptAeds(), items, new Date()))
  } catch {
    // Nothing kept this time; the next list tries again.
  }
}

/** latitude, longitude, limit?, radiusMeters? (default 5 km), emergency? (ready-and-open first). */
export type NearbyQuery = AedApi['nearby']['input']
type Suggestion = AedApi['suggest']['input']
type Inspection = Omit<AedApi['inspect']['input'], 'aedId'>

function nearby(query: NearbyQuery): Promise<AedApi['nearby']['output']>
/** The positional form of earlier callers; the rest of the query as a third argument. */
function nearby(latitude: number, longitude: number, rest?: Omit<NearbyQuery, 'latitude' | 'longitude'>): Promise<AedApi['nearby']['output']>
async function nearby(query: NearbyQuery | number, longitude?: number, rest: Omit<NearbyQuery, 'latitude' | 'longitude'> = {}) {
  const answer = await client('nearby', typeof query === 'number' ? { latitude: query, longitude: longitude as number, ...rest } : query)
  keep(answer.items)
  return answer
}

export const aedService = {
  nearby,
  get: (aedId: string) => client('get', { aedId }),
  report: (aedId: string, kind: ReportKind, note: string, photo?: string) => client('report', { aedId, kind, note, photo }),
  suggest: (suggestion: Suggestion) => client('suggest', suggestion),
  /** 我建议的AED: the caller's own suggestions, newest first. */
  mySuggestions: (page: number) => client('mySuggestions', { page, pageSize: 20 }),
  /** 撤回 a suggestion staff have not verified yet; tapping again answers the same. */
  withdrawSuggestion: (aedId: string) => client('withdrawSuggestion', { aedId }),
  /** `communityId` '' for all the staff member's communities; `attention`: only 需要处理. */
  manageList: (page: number, filter: { communityId: string; attention: boolean }) =>
    client('manageList', { page, pageSize: 20, attention: filter.attention, ...(filter.communityId ? { communityId: filter.communityId } : {}) }),
  save: (aed: AedApi['save']['input']) => client('save', aed),
  verify: (suggestion: AedApi['verify']['input']) => client('verify', suggestion),
  inspect: (aedId: string, inspection: Inspection) => client('inspect', { aedId, ...inspection }),
  resolveReport: (reportId: string, resolution: string) => client('resolveReport', { reportId, resolution }),
  /** 不属实, with an optional reason the reporter is told. */
  dismissReport: (reportId: string, reason: string) => client('dismissReport', { reportId, reason }),
  /** Open reports from accounts without standing, of one community and period. */
  unconfirmedReports: (period: AedApi['unconfirmedReports']['input']) => client('unconfirmedReports', period),
  dismissUnconfirmed: (period: AedApi['dismissUnconfirmed']['input']) => client('dismissUnconfirmed', period),
  inspectionCycles: () => client('inspectionCycles', {}),
  setInspectionCycle: (communityId: string, cycle: InspectionCycle) => client('setInspectionCycle', { communityId, cycle }),
}
