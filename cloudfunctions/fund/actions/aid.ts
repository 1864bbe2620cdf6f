import { AppError } from '@/domain/errors'
import { approvalsNeeded, reviewBarrier } from '@/domain/fund/aid'
import { fundInputs } from '@/domain/fund/contract'
import { DEFAULT_SECOND_APPROVAL_FEN, formatYuan, shownParty } from '@/domain/fund/rules'
import { maskName } from '@/domain/privacy'
import { _, db } from '../../_kit/cloud'
import { findCommunity, requireCommunity } from '../../_kit/communities'
import { checkText } from '../../_kit/content-check'
import { action } from '../../_kit/define-function'
import { ownedId } from '../../_kit/ids'
import { notify } from '../../_kit/notify'
import { tellStaffOfQueue } from '../../_kit/staff-queue'
import { append } from '../append'
import type { EntryDoc } from '../ledger-docs'
import { fundAid, requireAid, requireViewer, toAidRequest, type AidDoc } from '../aid-docs'
import { readPage } from '../../_kit/pages'

/**
 * A resident asks the community's 博爱互助金 for aid, or staff of the community enter the request
 * of someone who does not use the app (`onBehalf`; nobody is told in the app then, and the one who
 * entered it may not decide it). The request is private: only the applicant and the community's
 * staff ever see it (name, phone, reason). The reason is content-checked: risky text is refused;
 * staff read everything else.
 */
export const apply = action({
  input: fundInputs.apply,
  audience: 'anyone',
  // The community beside the caller's record (a missing one is read again below, to say why).
  preload: ({ communityId }) => findCommunity(communityId),
  async handler(input, ctx, found) {
    const recorder = input.onBehalf ? await ctx.requireStaffOf(input.communityId) : null
    const [community] = await Promise.all([found ?? requireCommunity(input.communityId), checkText(ctx.openid, input.reason)])
    const user = recorder ?? (await ctx.user())
    const now = new Date()
    const doc: Omit<AidDoc, '_id'> = {
      communityId: input.communityId,
      communityName: community.name,
      applicantOpenid: recorder ? null : ctx.openid,
      recordedBy: ctx.openid,
      name: input.name,
      phone: input.phone,
      category: input.category,
      amountFen: input.amountFen,
      reason: input.reason,
      status: 'pending',
      approvalsNeeded: approvalsNeeded(input.amountFen, community.aidSecondApprovalFen ?? DEFAULT_SECOND_APPROVAL_FEN),
      approvedBy: [],
      approvals: 0,
      entrySeq: null,
      history: [{ at: now, action: 'apply', by: ctx.openid, byName: recorder ? recorder.displayName : maskName(input.name), note: recorder ? '工作人员代为登记' : '' }],
      createdAt: now,
    }
    const { _id } = await fundAid().add({ data: { ...doc, createdAt: db.serverDate() } })
    const saved = { _id, ...doc }
    // The acknowledgement and the staff's queue message are independent: side by side.
    await Promise.all([
      doc.applicantOpenid ? notify(doc.applicantOpenid, 'fund_aid', { aidId: _id, category: doc.category, amountFen: doc.amountFen, step: 'received', at: now }) : null,
      tellStaffOfQueue(input.communityId, 'fund_aid'),
    ])
    return toAidRequest(saved, user, ctx.openid)
  },
  // A resident's own request is theirs; one staff entered for someone else is a staff action.
  audit: (input, out) => (input.onBehalf ? { communityId: out.communityId, target: out._id, summary: `代居民登记互助金救助申请（${formatYuan(out.amountFen)} 元）`, key: out._id } : null),
})

/**
 * Staff decide. Nobody decides their own request or one they entered; above the community's
 * threshold (default 5,000 元) a second, different staff member must also approve. Each approval
 * is one conditional update on the status and the approvals seen, so two staff approving at once
 * cannot both be "the first", and the same person can never count twice.
 */
export const review = action({
  input: fundInputs.review,
  audience: ['staff'],
  preload: ({ aidId }) => requireAid(aidId),
  async handler({ aidId, decision, reason }, ctx, aid) {
    const staff = await ctx.requireStaffOf(aid.communityId)
    const barrier = reviewBarrier(aid, ctx.openid)
    if (barrier) throw new AppError('FORBIDDEN', barrier)
    if (aid.status !== 'pending') throw new AppError('CONFLICT', '这份申请已经处理过了')
    const approvedBy = decision === 'approve' ? [...aid.approvedBy, ctx.openid] : aid.approvedBy
    const status = decision === 'reject' ? 'rejected' : approvedBy.length >= aid.approvalsNeeded ? 'approved' : 'pending'
    const step = { at: new Date(), action: decision, by: ctx.openid, byName: staff.displayName, note: reason }
    const { stats } = await fundAid()
      .where({ _id: aidId, status: 'pending', approvals: aid.approvals })
      .update({ data: { status, ...(decision === 'approve' ? { approvedBy: _.push(ctx.openid), approvals: approvedBy.length } : {}), history: _.push(step) } })
    if (stats.updated !== 1) throw new AppError('CONFLICT', '这份申请刚刚有了变化，请刷新后再看')
    const saved: AidDoc = { ...aid, status, approvedBy, approvals: approvedBy.length, history: [...aid.history, step] }
    const tell = status === 'rejected' ? 'rejected' : status === 'approved' ? 'approved' : 'second'
    const answer = toAidRequest(saved, staff, ctx.openid)
    await Promise.all([
      aid.applicantOpenid ? notify(aid.applicantOpenid, 'fund_aid', { aidId, category: aid.category, amountFen: aid.amountFen, step: tell, note: status === 'rejected' ? reason : undefined, at: step.at }) : null,
      ctx.auditAlongside(answer),
    ])
    return answer
  },
  audit: (input, out, actor) => ({ communityId: out.communityId, target: out._id, summary: `${input.decision === 'approve' ? '同意' : '不同意'}互助金救助申请（${formatYuan(out.amountFen)} 元）`, key: `${out._id}:${actor.openid}` }),
})

/**
 * Staff pay an approved request: the spending entry is recorded in the ledger (beneficiary masked,
 * linked to the request) and the request is marked paid. The entry's retry key is the request
 * itself (`pay-<aidId>`), so a retry — after a crash between the two writes, from another phone,
 * or after reopening the page — finds the entry already recorded and only finishes the marking.
 */
export const pay = action({
  input: fundInputs.pay,
  audience: ['staff'],
  preload: ({ aidId }) => requireAid(aidId),
  async handler({ aidId, date, reference, channel }, ctx, aid) {
    const staff = await ctx.requireStaffOf(aid.communityId)
    if (aid.status === 'paid') return toAidRequest(aid, staff, ctx.openid)
    if (aid.status !== 'approved') throw new AppError('CONFLICT', '申请还没有批准，不能发放')
    // With the storing of its entry (append's last step), side by side: the request marked paid,
    // its applicant told and the audit entry. The message has one id per request's payment, so a
    // second phone or a retry tells nobody twice; the answer is the request as this call marks it.
    const marked: { step?: AidDoc['history'][number] } = {}
    const finish = async (entry: EntryDoc) => {
      const step = { at: new Date(), action: 'pay' as const, by: ctx.openid, byName: staff.displayName, note: `账本第 ${entry.seq} 条` }
      const paid = toAidRequest({ ...aid, status: 'paid', entrySeq: entry.seq, history: [...aid.history, step] }, staff, ctx.openid)
      const [{ stats }] = await Promise.all([
        fundAid().where({ _id: aidId, status: 'approved' }).update({ data: { status: 'paid', entrySeq: entry.seq, history: _.push(step) } }),
        aid.applicantOpenid ? notify(aid.applicantOpenid, 'fund_aid', { aidId, category: aid.category, amountFen: aid.amountFen, step: 'paid', at: step.at }, { groupId: ownedId('fp', aidId) }) : null,
        ctx.auditAlongside(paid),
      ])
      if (stats.updated === 1) marked.step = step
    }
    const { entry } = await append(aid.communityId, `pay-${aidId}`, (head) => {
      if (aid.amountFen > head.balanceFen) throw new AppError('CONFLICT', '余额不足，不能发放这笔救助')
      return {
        kind: 'expense',
        amountFen: aid.amountFen,
        date,
        category: aid.category,
        partyShown: shownParty('expense', aid.name),
        channel,
        reference,
        note: '',
        projectId: null,
        reverses: null,
        party: aid.name,
        aidId,
        recordedBy: ctx.openid,
        recordedByName: staff.displayName,
      }
    }, { alongside: finish })
    const { step } = marked
    // Marked by another phone first: as it stands.
    return toAidRequest(step ? { ...aid, status: 'paid', entrySeq: entry.seq, history: [...aid.history, step] } : await requireAid(aidId), staff, ctx.openid)
  },
  audit: (_input, out) => ({ communityId: out.communityId, target: out._id, summary: `发放互助金 ${formatYuan(out.amountFen)} 元，记账第 ${out.entrySeq} 笔`, key: out._id }),
})

/** One request, for its applicant or the community's staff. */
export const aid = action({
  input: fundInputs.aid,
  audience: 'anyone',
  async handler({ aidId }, ctx) {
    const doc = await requireAid(aidId)
    const user = await ctx.user()
    requireViewer(doc, user, ctx.openid)
    return toAidRequest(doc, user, ctx.openid)
  },
})

/** The caller's own requests, newest first. */
export const myAid = action({
  input: fundInputs.myAid,
  audience: 'anyone',
  async handler({ page, pageSize }, ctx) {
    const user = await ctx.user()
    const criteria = { applicantOpenid: ctx.openid }
    const { docs: data, hasMore } = await readPage<AidDoc>(fundAid().where(criteria).orderBy('createdAt', 'desc'), page, pageSize)
    return { items: data.map((d) => toAidRequest(d, user, ctx.openid)), hasMore, page, pageSize }
  },
})

/** Staff: their communities' requests, waiting ones first, newest first. */
export const aidQueue = action({
  input: fundInputs.aidQueue,
  audience: ['staff'],
  audit: 'read',
  async handler({ communityId, page, pageSize }, ctx) {
    const scope = await ctx.staffScope(communityId)
    const user = await ctx.user()
    const criteria = { communityId: _.in(scope), status: _.in(['pending', 'approved']) }
    const { docs: data, hasMore } = await readPage<AidDoc>(fundAid().where(criteria).orderBy('createdAt', 'desc'), page, pageSize)
    return { items: data.map((d) => toAidRequest(d, user, ctx.openid)), hasMore, page, pageSize }
  },
})
