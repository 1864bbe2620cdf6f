import crypto from 'node:crypto'
import { AppError } from '@/domain/errors'
import { fundInputs, type Receipt } from '@/domain/fund/contract'
import { ANONYMOUS, formatYuan } from '@/domain/fund/rules'
import { todayInChina } from '@/domain/dates'
import { collections, db, isDuplicateKey } from '../../_kit/cloud'
import { findCommunity, requireCommunity } from '../../_kit/communities'
import { action } from '../../_kit/define-function'
import { communityOfEntryId, fundEntries, seqOfEntryId, type EntryDoc } from '../ledger-docs'

type ReceiptDoc = Omit<Receipt, 'reversed'> & { _id: string; communityId: string; entryId: string; issuedBy: string }

const receipts = () => db.collection(collections.fundReceipts)

/** No 0/O or 1/I: a code read out over the phone is typed right. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'

function newCode(): string {
  const bytes = crypto.randomBytes(12)
  const chars = Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length])
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`
}

async function isReversed(entry: Pick<EntryDoc, 'communityId' | 'seq'>): Promise<boolean> {
  if (!Number.isInteger(entry.seq)) return false
  const { data } = await fundEntries().where({ communityId: entry.communityId, reverses: entry.seq }).limit(1).get<EntryDoc>()
  return data.length > 0
}

/** One receipt per entry: its `_id` is the entry's. */
const receiptIdOf = (entryId: string) => `rc-${entryId}`

const toReceipt = ({ code, communityName, donor, amountFen, date, seq, entryHash, issuedOn }: ReceiptDoc, reversed: boolean): Receipt => ({ code, communityName, donor, amountFen, date, seq, entryHash, issuedOn, reversed })

/**
 * Staff issue a 捐赠证明 for a recorded donation: one per entry (its `_id` is the entry's, so a
 * second tap answers the same receipt), with a random code anyone can check.
 */
export const issueReceipt = action({
  input: fundInputs.issueReceipt,
  audience: ['staff'],
  // The entry, its reversal, its receipt and its community (an entry's id names its community and
  // number), all beside the caller's record.
  preload: ({ entryId }) => {
    const communityId = communityOfEntryId(entryId)
    return Promise.all([
      fundEntries().where({ _id: entryId }).get<EntryDoc>(),
      isReversed({ communityId, seq: seqOfEntryId(entryId) }),
      receipts().where({ _id: receiptIdOf(entryId) }).get<ReceiptDoc>(),
      findCommunity(communityId),
    ])
  },
  async handler({ entryId }, ctx, [{ data }, reversed, { data: issued }, found]) {
    const entry = data[0]
    if (!entry) throw new AppError('NOT_FOUND', '没有找到这笔账目')
    await ctx.requireStaffOf(entry.communityId)
    if (entry.kind !== 'income' || entry.reverses !== null) throw new AppError('CONFLICT', '只有捐赠收入可以开具捐赠证明')
    if (reversed) throw new AppError('CONFLICT', '这笔捐赠已冲正，不能开具证明')
    const _id = receiptIdOf(entryId)
    if (issued[0]) return toReceipt(issued[0], false)
    const community = found ?? (await requireCommunity(entry.communityId))
    const doc: ReceiptDoc = {
      _id,
      code: newCode(),
      communityId: entry.communityId,
      communityName: community.name,
      entryId,
      donor: entry.party || ANONYMOUS,
      amountFen: entry.amountFen,
      date: entry.date,
      seq: entry.seq,
      entryHash: entry.hash,
      issuedOn: todayInChina(),
      issuedBy: ctx.openid,
    }
    try {
      await receipts().add({ data: doc })
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
      // Issued by a concurrent tap: that receipt stands.
      return toReceipt((await receipts().where({ _id }).get<ReceiptDoc>()).data[0], false)
    }
    return toReceipt(doc, false)
  },
  audit: (input, out) => ({ communityId: communityOfEntryId(input.entryId), target: input.entryId, summary: `开具捐赠证明：第 ${out.seq} 笔 ${formatYuan(out.amountFen)} 元`, key: input.entryId }),
})

/** Anyone checks a receipt's code: what it certifies, and whether the gift was cancelled since. */
export const verifyReceipt = action({
  input: fundInputs.verifyReceipt,
  audience: 'anyone',
  async handler({ code }) {
    const { data } = await receipts().where({ code }).limit(1).get<ReceiptDoc>()
    if (!data[0]) throw new AppError('NOT_FOUND', '没有找到这个核验码，请核对后再试')
    return toReceipt(data[0], await isReversed(data[0]))
  },
})
