import { AppError } from '@/domain/errors'
import { fundInputs } from '@/domain/fund/contract'
import { requirePassingText } from '../../_kit/content-check'
import { action } from '../../_kit/define-function'
import { append, headOf } from '../append'
import { communityOfEntryId, fundEntries, toFundEntry, type EntryDoc } from '../ledger-docs'

/**
 * An entry is never edited or deleted: a mistake is corrected by a new entry that cancels it
 * (冲正), same kind, category and amount, public like any other. Once per entry; a reversal
 * itself is not reversed (record the right entry instead); an income is reversed only while the
 * balance covers it.
 */
export const reverse = action({
  input: fundInputs.reverse,
  audience: ['staff'],
  // The entry and its ledger's head (an entry's id names its community), beside the caller's record.
  preload: ({ entryId }) => Promise.all([fundEntries().where({ _id: entryId }).get<EntryDoc>(), headOf(communityOfEntryId(entryId))]),
  async handler({ reason, requestId }, ctx, [{ data }, head]) {
    const original = data[0]
    if (!original) throw new AppError('NOT_FOUND', '没有找到这笔账目')
    const staff = await ctx.requireStaffOf(original.communityId)
    if (original.reverses !== null) throw new AppError('CONFLICT', '冲正记录不能再冲正，请重新登记正确的账目')
    await requirePassingText(ctx.openid, reason)
    // An earlier reversal of this entry is read with the retry look-up, after the head.
    const { entry } = await append(original.communityId, requestId, (head, [done]) => {
      if (done) throw new AppError('CONFLICT', `这笔账目已由第 ${done.seq} 条冲正`)
      if (original.kind === 'income' && original.amountFen > head.balanceFen) throw new AppError('CONFLICT', '余额不足，不能冲正这笔收入')
      return {
        kind: original.kind,
        amountFen: original.amountFen,
        // The correction belongs to the month of what it corrects, so the monthly figures stay true.
        date: original.date,
        category: original.category,
        partyShown: original.partyShown,
        channel: original.channel,
        reference: original.reference,
        note: `冲正第 ${original.seq} 条：${reason}`,
        projectId: original.projectId,
        reverses: original.seq,
        party: original.party,
        aidId: original.aidId,
        recordedBy: ctx.openid,
        recordedByName: staff.displayName,
      }
    }, { known: head?.communityId === original.communityId ? head : null, related: { reverses: original.seq }, alongside: (stored) => ctx.auditAlongside(toFundEntry(stored)) })
    return toFundEntry(entry)
  },
  audit: (input, out) => ({ communityId: out.communityId, target: out._id, summary: `冲正第 ${out.reverses} 笔，记为第 ${out.seq} 笔`, key: `${out.communityId}:${input.requestId}` }),
})
