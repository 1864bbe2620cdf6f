import { todayInChina } from '@/domain/dates'
import { AppError } from '@/domain/errors'
import { memberInputs } from '@/domain/member/contract'
import { _, db } from '../../_kit/cloud'
import { requireCommunity } from '../../_kit/communities'
import { action, ERASED_MEANWHILE } from '../../_kit/define-function'
import { notify } from '../../_kit/notify'
import type { UserDoc } from '@/domain/user/types'
import { findUser, grantRole } from '../../_kit/users'
import { applications, findApplication, toView, type ApplicationDoc } from '../applications'
import type { SequenceState } from '../../_kit/sequence'
import { allocateMemberNo, readMemberCounter } from '../member-numbers'

/** How long a claim to number an application holds before a retry may take it over (far past any timeout). */
const NUMBERING_CLAIM_MS = 60_000

/**
 * The steps after an approval, each safe to repeat: a member number, the member role (added to a
 * set), and the message (sent by the call that gave the number). Only the caller holding the claim
 * to number the application draws a number (the decision itself takes it, or a retry whose claim
 * lapsed), so calls arriving together use up one; a call that stopped half way leaves the rest to
 * a retry. `applicant`: their user record, read beforehand (the role is then one update).
 */
async function completeApproval(application: ApplicationDoc, communityCode: string, claimed: boolean, applicant: UserDoc | null, counter?: Promise<SequenceState>): Promise<string | null> {
  // The legal name stays on the member card and in staff views; the person's chosen nickname is
  // theirs (issue 26, item 7). The role does not wait for the number: side by side.
  const [given] = await Promise.all([numberOnce(application, communityCode, claimed, counter), grantRole(application.openid, 'member', application.communityId, { homeCommunityId: application.communityId }, applicant)])
  return given
}

async function numberOnce(application: ApplicationDoc, communityCode: string, claimed: boolean, counter?: Promise<SequenceState>): Promise<string | null> {
  if (application.memberNo) return null
  if (!claimed) {
    const lapsed = new Date(Date.now() - NUMBERING_CLAIM_MS)
    const claim = await applications()
      .where({ _id: application._id, memberNo: null, numberingAt: _.eq(null).or(_.lt(lapsed)) })
      .update({ data: { numberingAt: db.serverDate() } })
    if (claim.stats.updated !== 1) return null
  }
  const memberNo = await allocateMemberNo(communityCode, Number((application.joinedAt ?? todayInChina()).slice(0, 4)), counter)
  const { stats } = await applications().where({ _id: application._id, memberNo: null }).update({ data: { memberNo } })
  return stats.updated === 1 ? memberNo : null
}

/**
 * 入会审核 by staff of the applicant's community. Only a pending application can be decided, and
 * only once: the decision is a conditional update on `status: 'pending'`, made before a member
 * number is drawn, so concurrent approvals use up no numbers. Approving an approved application
 * again finishes what an interrupted approval left undone and answers as the first did.
 */
export const review = action({
  input: memberInputs.review,
  audience: ['staff'],
  // The application, then its community (its code numbers members) and the applicant's user record, beside the caller's record.
  async preload({ applicationId }) {
    const application = await findApplication({ _id: applicationId })
    if (!application) return null
    const [community, applicant] = await Promise.all([requireCommunity(application.communityId), findUser(application.openid)])
    return { application, community, applicant }
  },
  async handler({ applicationId, decision, reason }, ctx, found) {
    if (!found) throw new AppError('NOT_FOUND', '没有找到这份入会申请')
    const { application, community, applicant } = found
    const reviewer = await ctx.requireStaffOf(application.communityId)
    if (application.openid === ctx.openid) throw new AppError('FORBIDDEN', '不能审核自己的申请，请由其他工作人员审核')
    const approved = decision === 'approve'
    const finishing = approved && application.status === 'approved'
    if (application.status !== 'pending' && !finishing) throw new AppError('CONFLICT', '这份申请已经审核过了')

    let decided = application
    // The member-number counter is read beside the decision (a read: nothing is drawn unless it holds).
    const counter = approved && !application.memberNo ? readMemberCounter(community.code, Number((application.joinedAt ?? todayInChina()).slice(0, 4))) : undefined
    counter?.catch(() => undefined)
    if (!finishing) {
      const today = todayInChina()
      const entry = { at: new Date(), action: approved ? ('approved' as const) : ('rejected' as const), by: ctx.openid, byName: `工作人员 ${reviewer.displayName}`, ...(approved ? {} : { reason }) }
      const change = approved
        ? // The decision is also the claim to number it (see numberOnce).
          { status: 'approved' as const, memberNo: null, joinedAt: today, duesPaidThrough: null, numberingAt: db.serverDate() }
        : // A turned-down application no longer holds its ID number against others (the unique hash is released).
          { status: 'rejected' as const, rejectReason: reason, idHash: `released:${application._id}` }
      const { stats } = await applications()
        .where({ _id: applicationId, status: 'pending' })
        .update({ data: { ...change, reviewedBy: ctx.openid, reviewedAt: db.serverDate(), history: _.push(entry) } })
      if (stats.updated !== 1) throw new AppError('CONFLICT', '这份申请已经审核过了')
      const { numberingAt: _claim, ...written } = change as typeof change & { numberingAt?: unknown }
      decided = { ...application, ...written, history: [...(application.history ?? []), entry] }
    }

    const memberNo = approved ? await completeApproval(decided, community.code, !finishing, applicant, counter) : null
    // Told once, beside the audit entry: on a rejection, or by the call that gave the member number. Never the ID number.
    if (!approved || memberNo) ctx.afterwards(() => notify(application.openid, 'member_review', { approved, memberNo: memberNo ?? undefined, reason: approved ? undefined : reason, reviewedAt: new Date() }))
    // The record as this call left it; a finishing call without a number of its own reads what another one gave.
    const saved = memberNo || !approved ? { ...decided, memberNo: memberNo ?? decided.memberNo } : await findApplication({ _id: applicationId })
    if (!saved) throw ERASED_MEANWHILE()
    return toView(saved, community, { idNumber: false, phone: true })
  },
  audit: (input, out) => ({ communityId: out.communityId, target: out._id, summary: input.decision === 'approve' ? `批准入会申请${out.memberNo ? `，会员号 ${out.memberNo}` : ''}` : '不批准入会申请', key: `${out._id}:${out.submittedAt}:${input.decision}` }),
})
