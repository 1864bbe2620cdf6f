import { aedInputs, type MySuggestion } from '@/domain/aed/contract'
import { mayWithdrawSuggestion, suggestionStatusOf } from '@/domain/aed/suggestions'
import { AppError } from '@/domain/errors'
import { _, db } from '../../_kit/cloud'
import { toIso } from '../../_kit/dates'
import { action } from '../../_kit/define-function'
import { readPage } from '../../_kit/pages'
import { aeds, requireAed, type AedDoc } from '../aeds'

function toMine(doc: AedDoc): MySuggestion {
  const status = suggestionStatusOf(doc)
  return {
    _id: doc._id,
    name: doc.name,
    address: doc.address,
    landmark: doc.landmark,
    status,
    canWithdraw: mayWithdrawSuggestion(doc),
    createdAt: toIso(doc.createdAt),
    withdrawnAt: doc.withdrawnAt ? toIso(doc.withdrawnAt) : null,
  }
}

/** 我建议的AED: the caller's own suggestions, newest first, each with where it stands (index aeds.suggested_by). */
export const mySuggestions = action({
  input: aedInputs.mySuggestions,
  audience: 'anyone',
  async handler({ page, pageSize }, ctx) {
    const { docs, hasMore } = await readPage<AedDoc>(aeds().where({ suggestedBy: ctx.openid }).orderBy('createdAt', 'desc'), page, pageSize)
    return { items: docs.map(toMine), hasMore, page, pageSize }
  },
})

/**
 * 撤回: the suggester takes back a suggestion staff have not verified yet. One update conditional on
 * it being theirs, unverified and still in the community seen: it leaves that community (so every
 * staff list and count drops it, see AedDoc.withdrawnAt) and its record says so. A second tap
 * answers the same; a verification that came first stands. The suggester's own act: no audit
 * entry, nobody told. Someone else's suggestion reads as not found, as `get` answers them.
 */
export const withdrawSuggestion = action({
  input: aedInputs.withdrawSuggestion,
  audience: 'anyone',
  async handler({ aedId }, ctx) {
    const aed = await requireAed(aedId)
    if (aed.suggestedBy !== ctx.openid) throw new AppError('NOT_FOUND', '没有找到这条建议')
    if (suggestionStatusOf(aed) === 'withdrawn') return toMine(aed)
    if (!mayWithdrawSuggestion(aed)) throw new AppError('CONFLICT', '工作人员已核实并公开这台AED，不能撤回')
    const entry = { at: new Date(), event: '建议人撤回了建议', by: ctx.openid, byName: '建议人' }
    const { stats } = await aeds()
      .where({ _id: aedId, suggestedBy: ctx.openid, verified: false, communityId: aed.communityId })
      .update({ data: { communityId: '', withdrawnFrom: aed.communityId, withdrawnAt: db.serverDate(), history: _.push(entry) } })
    const now = await requireAed(aedId)
    if (stats.updated === 0 && suggestionStatusOf(now) === 'verified') throw new AppError('CONFLICT', '工作人员刚刚核实并公开了这台AED，不能撤回')
    return toMine(now)
  },
})
