import { fundInputs } from '@/domain/fund/contract'
import { keywordPattern } from '@/domain/search'
import { _, db } from '../../_kit/cloud'
import { requireCommunity } from '../../_kit/communities'
import { action } from '../../_kit/define-function'
import { fundEntries, toFundEntry, type EntryDoc } from '../ledger-docs'
import { readPage } from '../../_kit/pages'

/**
 * Every entry, newest first, optionally of one month or category or with the typed words in what
 * the page shows of it: public fields only, beneficiaries masked.
 */
export const entries = action({
  input: fundInputs.entries,
  audience: 'anyone',
  async handler({ communityId, month, category, keyword, page, pageSize }) {
    await requireCommunity(communityId)
    const pattern = keywordPattern(keyword)
    const criteria = {
      communityId,
      ...(month ? { month } : {}),
      ...(category ? { category } : {}),
      ...(pattern ? { searchText: db.RegExp({ regexp: pattern, options: 'i' }) } : {}),
    }
    const { docs: data, hasMore } = await readPage<EntryDoc>(fundEntries().where(criteria).orderBy('seq', 'desc'), page, pageSize)
    const seqs = data.map((d) => d.seq)
    const reversals = seqs.length ? (await fundEntries().where({ communityId, reverses: _.in(seqs) }).limit(pageSize).get<EntryDoc>()).data : []
    const reversedBy = new Map(reversals.map((r) => [r.reverses, r.seq]))
    return { items: data.map((d) => toFundEntry(d, reversedBy.get(d.seq) ?? null)), hasMore, page, pageSize }
  },
})
