import type { FundApi } from '@/domain/fund/contract'
import { defineFunction } from '../_kit/define-function'
import { aid, aidQueue, apply, myAid, pay, review } from './actions/aid'
import { chain } from './actions/chain'
import { entries } from './actions/entries'
import { exportCsv } from './actions/export'
import { projects, saveProject } from './actions/projects'
import { issueReceipt, verifyReceipt } from './actions/receipts'
import { record } from './actions/record'
import { reverse } from './actions/reverse'
import { summary } from './actions/summary'
import { verify } from './actions/verify'
import { withdraw } from './actions/withdraw'

/** 博爱互助金 两公开: a public, hash-chained ledger, aid requests decided by two people, projects and receipts. */
export const main = defineFunction<FundApi>('fund', { record, reverse, verify, summary, entries, chain, apply, review, pay, aid, withdraw, myAid, aidQueue, saveProject, projects, issueReceipt, verifyReceipt, export: exportCsv })
