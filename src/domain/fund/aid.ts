import { DEFAULT_SECOND_APPROVAL_FEN } from './rules'

/** An aid request: waiting for staff (one or two approvals by amount), then paid from the ledger, or refused; its applicant may take it back while it waits. */
export type AidStatus = 'pending' | 'approved' | 'rejected' | 'paid' | 'withdrawn'

export const AID_STATUS_LABELS: Record<AidStatus, string> = { pending: '审核中', approved: '已批准，待发放', rejected: '未通过', paid: '已发放', withdrawn: '已撤回' }

/** Only the applicant takes a request back, and only while no decision has made it final (staff may have approved once of two). */
export const mayWithdraw = (aid: { applicantOpenid: string | null; status: AidStatus }, openid: string): boolean => aid.applicantOpenid === openid && aid.status === 'pending'

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
