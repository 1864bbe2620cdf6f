import { todayInChina } from '@/domain/dates'
import { AppError } from '@/domain/errors'
import { memberInputs } from '@/domain/member/contract'
import { _, db } from '../../_kit/cloud'
import { requireCommunity } from '../../_kit/communities'
import { action, ERASED_MEANWHILE } from '../../_kit/define-function'
import { notify } from '../../_kit/notify'
import { grantRole } from '../../_kit/users'
import { applications, findApplication, toView, type ApplicationDoc } from '../applications'
import { allocateMemberNo } from '../member-numbers'

/** How long a claim to number an application holds before a retry may take it over (far past any timeout). */
const NUMBERING_CLAIM_MS = 60_000

/**
 * The steps after an approval, each safe to repeat: a member number, the member role (added to a
 * set), and the message (sent by the call that gave the number). Only the caller that claims the
 * numbering draws a number, so calls arriving together use up one; a claim left by a call that
 * stopped half way lapses and a retry finishes the rest.
 */
async function completeApproval(application: ApplicationDoc, communityCode: string): Promise<string | null> {
  // The legal name stays on the member card and in staff views; the person's chosen nickname is
  // theirs (issue 26, item 7). The role does not wait for the number: side by side.
  const [given] = await Promise.all([numberOnce(application, communityCode), grantRole(application.openid, 'member', application.communityId, { homeCommunityId: application.communityId })])
  return given
}

async function numberOnce(application: ApplicationDoc, communityCode: string): Promise<string | null> {
  let given: string | null = null
  if (!application.memberNo) {
    const lapsed = new Date(Date.now() - NUMBERING_CLAIM_MS)
    const claim = await applications()
      .where({ _id: application._id, memberNo: null, numberingAt: _.eq(null).or(_.lt(lapsed)) })
      .update({ data: { numberingAt: db.serverDate() } })
    if (claim.stats.updated === 1) {
      const memberNo = await allocateMemberNo(communityCode, Number((application.joinedAt ?? todayInChina()).slice(0, 4)))
      const { stats } = await applications().where({ _id: application._id, memberNo: null }).update({ data: { memberNo } })
      if (stats.updated === 1) given = memberNo
    }
  }
  return given
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
  // The application, beside the caller's record.
  preload: ({ applicationId }) => findApplication({ _id: applicationId }),
  async handler({ applicationId, decision, reason }, ctx, application) {
    if (!application) throw new AppError('NOT_FOUND', '没有找到这份入会申请')
    const reviewer = await ctx.requireStaffOf(application.communityId)
    if (application.openid === ctx.openid) throw new AppError('FORBIDDEN', '不能审核自己的申请，请由其他工作人员审核')
    // The community (its code numbers members) is read beside the decision.
    const community = requireCommunity(application.communityId)
    community.catch(() => undefined)
    const approved = decision === 'approve'
    const finishing = approved && application.status === 'approved'
    if (application.status !== 'pending' && !finishing) throw new AppError('CONFLICT', '这份申请已经审核过了')

    if (!finishing) {
      const today = todayInChina()
      const entry = { at: new Date(), action: approved ? 'approved' : 'rejected', by: ctx.openid, byName: `工作人员 ${reviewer.displayName}`, ...(approved ? {} : { reason }) }
      const decided = approved
        ? { status: 'approved', memberNo: null, joinedAt: today, duesPaidThrough: null }
        : // A turned-down application no longer holds its ID number against others (the unique hash is released).
          { status: 'rejected', rejectReason: reason, idHash: `released:${application._id}` }
      const { stats } = await applications()
        .where({ _id: applicationId, status: 'pending' })
        .update({ data: { ...decided, reviewedBy: ctx.openid, reviewedAt: db.serverDate(), history: _.push(entry) } })
      if (stats.updated !== 1) throw new AppError('CONFLICT', '这份申请已经审核过了')
      Object.assign(application, decided)
    }

    const { code } = await community
    const memberNo = approved ? await completeApproval(application, code) : null
    // Told once: on a rejection, or by the call that gave the member number. Never the ID number.
    // Read back beside the message: gone already means 注销 erased it meanwhile.
    const [saved] = await Promise.all([
      findApplication({ _id: applicationId }),
      !approved || memberNo ? notify(application.openid, 'member_review', { approved, memberNo: memberNo ?? undefined, reason: approved ? undefined : reason, reviewedAt: new Date() }) : null,
    ])
    if (!saved) throw ERASED_MEANWHILE()
    return toView(saved, await community, { idNumber: false, phone: true })
  },
  audit: (input, out) => ({ communityId: out.communityId, target: out._id, summary: input.decision === 'approve' ? `批准入会申请${out.memberNo ? `，会员号 ${out.memberNo}` : ''}` : '不批准入会申请', key: `${out._id}:${out.submittedAt}:${input.decision}` }),
})
