import { DEFAULT_SECOND_APPROVAL_FEN } from './rules'

/** An aid request: waiting for staff (one or two approvals by amount), then paid from the ledger, or refused. */
export type AidStatus = 'pending' | 'approved' | 'rejected' | 'paid'

export const AID_STATUS_LABELS: Record<AidStatus, string> = { pending: '审核中', approved: '已批准，待发放', rejected: '未通过', paid: '已发放' }

/** Two people decide large amounts: above the community's threshold a second, different staff member must approve. */
export const approvalsNeeded = (amountFen: number, thresholdFen = DEFAULT_SECOND_APPROVAL_FEN): number => (amountFen > thresholdFen ? 2 : 1)

/** `applicantOpenid` is null for a request staff entered for someone without the app. */
export type AidParties = { applicantOpenid: string | null; recordedBy: string; approvedBy: string[] }

/**
 * Why this staff member may not decide this request, or null when they may: nobody decides their
 * own request or one they entered for someone, and nobody approves twice.
 */
export function reviewBarrier(aid: AidParties, staffOpenid: string): string | null {
  if (aid.applicantOpenid === staffOpenid) return '不能审核自己的申请'
  if (aid.recordedBy === staffOpenid) return '不能审核自己代为登记的申请'
  if (aid.approvedBy.includes(staffOpenid)) return '您已同意过，需要另一位工作人员复核'
  return null
}
