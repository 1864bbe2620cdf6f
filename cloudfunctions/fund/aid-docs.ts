import { AppError } from '@/domain/errors'
import { mayWithdraw, reviewBarrier, type AidStatus } from '@/domain/fund/aid'
import type { AidRequest, AidStep } from '@/domain/fund/contract'
import type { ExpenseCategory } from '@/domain/fund/rules'
import type { UserDoc } from '@/domain/user/types'
import { collections, db } from '../_kit/cloud'
import { toIso } from '../_kit/dates'

/** One `fundAid` document: a request for aid, private to its applicant and the community's staff. */
export type AidDoc = {
  _id: string
  communityId: string
  communityName: string
  /** Null when staff entered it for someone who does not use the app. */
  applicantOpenid: string | null
  /** Who keyed it in: the applicant, or staff on their behalf. */
  recordedBy: string
  name: string
  phone: string
  category: ExpenseCategory
  amountFen: number
  reason: string
  status: AidStatus
  approvalsNeeded: number
  approvedBy: string[]
  /** approvedBy's length, the value a review's conditional update compares. */
  approvals: number
  entrySeq: number | null
  history: Array<{ at: Date; action: AidStep['action']; by: string; byName: string; note: string }>
  createdAt: Date
}

export const fundAid = () => db.collection(collections.fundAid)

export async function requireAid(aidId: string): Promise<AidDoc> {
  const { data } = await fundAid().where({ _id: aidId }).get<AidDoc>()
  if (!data[0]) throw new AppError('NOT_FOUND', '没有找到这份申请')
  return data[0]
}

const isStaffOf = (user: UserDoc | null, communityId: string) => !!user && user.roles.includes('staff') && user.staffCommunityIds.includes(communityId)

/** The applicant and the community's staff see a request; for anyone else it does not exist. */
export function requireViewer(aid: AidDoc, user: UserDoc | null, openid: string): void {
  if (aid.applicantOpenid !== openid && !isStaffOf(user, aid.communityId)) throw new AppError('NOT_FOUND', '没有找到这份申请')
}

export function toAidRequest(doc: AidDoc, user: UserDoc | null, openid: string): AidRequest {
  const staff = isStaffOf(user, doc.communityId)
  return {
    _id: doc._id,
    communityId: doc.communityId,
    communityName: doc.communityName,
    name: doc.name,
    phone: doc.phone,
    category: doc.category,
    amountFen: doc.amountFen,
    reason: doc.reason,
    status: doc.status,
    approvals: doc.approvedBy.length,
    approvalsNeeded: doc.approvalsNeeded,
    entrySeq: doc.entrySeq,
    history: doc.history.map((h) => ({ at: toIso(h.at), action: h.action, byName: h.byName, note: h.note })),
    createdAt: toIso(doc.createdAt),
    onBehalf: doc.applicantOpenid === null,
    canReview: staff && doc.status === 'pending' && reviewBarrier(doc, openid) === null,
    canPay: staff && doc.status === 'approved',
    canWithdraw: mayWithdraw(doc, openid),
  }
}
