import type { FundApi } from '@/domain/fund/contract'
import { createClient } from './cloud-client'

const client = createClient<FundApi>('fund')

type Input<K extends keyof FundApi> = FundApi[K]['input']

export const fundService = {
  summary: (communityId: string) => client('summary', { communityId }),
  entries: (communityId: string, filter: { month?: string; category?: Input<'entries'>['category']; keyword?: string }, page: number) => client('entries', { communityId, ...filter, page, pageSize: 20 }),
  chain: (communityId: string, afterSeq: number) => client('chain', { communityId, afterSeq }),
  verify: (communityId: string) => client('verify', { communityId }),
  /** `requestId`: made once when the form opens, so a retried submit records once. */
  record: (entry: Input<'record'>) => client('record', entry),
  reverse: (entryId: string, reason: string, requestId: string) => client('reverse', { entryId, reason, requestId }),
  apply: (request: Input<'apply'>) => client('apply', request),
  review: (aidId: string, decision: 'approve' | 'reject', reason = '') => client('review', { aidId, decision, reason }),
  pay: (aidId: string, date: string, reference: string) => client('pay', { aidId, date, reference }),
  aid: (aidId: string) => client('aid', { aidId }),
  withdraw: (aidId: string) => client('withdraw', { aidId }),
  myAid: (page: number) => client('myAid', { page, pageSize: 20 }),
  aidQueue: (page: number) => client('aidQueue', { page, pageSize: 20 }),
  projects: (communityId: string) => client('projects', { communityId }),
  saveProject: (project: Input<'saveProject'>) => client('saveProject', project),
  issueReceipt: (entryId: string) => client('issueReceipt', { entryId }),
  verifyReceipt: (code: string) => client('verifyReceipt', { code }),
  exportCsv: (communityId: string, from: string, to: string) => client('export', { communityId, from, to }),
}
