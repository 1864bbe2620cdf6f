import type { PublicEntry } from '@/domain/fund/chain'
import { _ } from '../_kit/cloud'
import { mapWithCap } from '../_kit/parallel'
import { fundEntries, toPublic, type EntryDoc } from './ledger-docs'

/** Only what the hash covers travels: a third of each document. */
const PUBLIC_FIELDS = Object.fromEntries(
  ['communityId', 'seq', 'kind', 'amountFen', 'date', 'category', 'partyShown', 'channel', 'reference', 'note', 'projectId', 'reverses', 'recordedOn', 'prevHash', 'hash'].map((key) => [key, true]),
)

/** The most one database read returns (CloudBase's limit per get). */
const PER_READ = 1000

/**
 * The public entries after `afterSeq` up to `untilSeq`, in seq order. Reads by seq range, several
 * at once (numbering has no gaps, so each range is one read); a missing entry shows as a gap.
 */
export async function readChain(communityId: string, afterSeq: number, untilSeq: number): Promise<PublicEntry[]> {
  const starts: number[] = []
  for (let from = afterSeq + 1; from <= untilSeq; from += PER_READ) starts.push(from)
  const pages = await mapWithCap(starts, 10, async (from) => {
    const { data } = await fundEntries()
      .where({ communityId, seq: _.and(_.gte(from), _.lte(Math.min(from + PER_READ - 1, untilSeq))) })
      .orderBy('seq', 'asc')
      .field(PUBLIC_FIELDS)
      .limit(PER_READ)
      .get<EntryDoc>()
    return data.map(toPublic)
  })
  return pages.flat()
}
