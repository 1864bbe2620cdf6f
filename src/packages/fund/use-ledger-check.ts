import { useEffect, useState } from 'react'
import type { ChainCheck } from '@/domain/fund/chain'
import { fundService } from '@/services/fund'
import { messageOf } from '@/services/service-error'
import { checkLedger } from './chain-check'

export type LedgerCheck = { state: 'checking' } | { state: 'done'; result: ChainCheck } | { state: 'failed'; message: string }

/** Re-checks the community's chain on the phone whenever the ledger changes (`version`: its head hash). */
export function useLedgerCheck(communityId: string | undefined, version: string | undefined): LedgerCheck {
  const [check, setCheck] = useState<LedgerCheck>({ state: 'checking' })
  useEffect(() => {
    if (!communityId || !version) return
    let live = true
    setCheck({ state: 'checking' })
    checkLedger((afterSeq) => fundService.chain(communityId, afterSeq))
      .then((result) => live && setCheck({ state: 'done', result }))
      .catch((failure) => live && setCheck({ state: 'failed', message: messageOf(failure) }))
    return () => {
      live = false
    }
  }, [communityId, version])
  return check
}
