import type { AedApi } from '@/domain/aed/contract'
import type { ReportKind } from '@/domain/aed/contract'
import { createClient } from './cloud-client'

const client = createClient<AedApi>('aed')

type Suggestion = AedApi['suggest']['input']
type Inspection = Omit<AedApi['inspect']['input'], 'aedId'>

export const aedService = {
  nearby: (latitude: number, longitude: number, limit = 20) => client('nearby', { latitude, longitude, radiusMeters: 10_000, limit }),
  get: (aedId: string) => client('get', { aedId }),
  report: (aedId: string, kind: ReportKind, note: string, photo?: string) => client('report', { aedId, kind, note, photo }),
  suggest: (suggestion: Suggestion) => client('suggest', suggestion),
  manageList: (page: number) => client('manageList', { page, pageSize: 20 }),
  save: (aed: AedApi['save']['input']) => client('save', aed),
  verify: (aedId: string) => client('verify', { aedId }),
  inspect: (aedId: string, inspection: Inspection) => client('inspect', { aedId, ...inspection }),
  resolveReport: (reportId: string, resolution: string) => client('resolveReport', { reportId, resolution }),
}
