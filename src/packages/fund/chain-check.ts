import { checkChain, type ChainCheck, type PublicEntry, type StatementHead } from '@/domain/fund/chain'
import type { ChainPage } from '@/domain/fund/contract'

/**
 * The phone's own check of a community's ledger: it fetches the public chain page by page and
 * recomputes every hash with the same canonical form the functions use (domain/fund/chain), so
 * whoever runs the database cannot make the page say 已核验 over a changed history.
 */
export async function checkLedger(fetchPage: (afterSeq: number) => Promise<ChainPage>): Promise<ChainCheck> {
  const entries: PublicEntry[] = []
  let statements: StatementHead[] = []
  let head = { seq: 0, hash: '' }
  for (;;) {
    const page = await fetchPage(entries.length)
    entries.push(...page.items)
    statements = page.statements
    head = page.head
    if (!page.more || page.items.length === 0) break
  }
  return checkChain(entries, statements, head)
}
