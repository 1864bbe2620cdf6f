import fs from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { checkChain, nextEntry } from '@/domain/fund/chain'
import type { ChainPage, VerifyResult } from '@/domain/fund/contract'
import { startTestCloud, unwrap, type TestCloud } from '../../localcloud/testing'
import { checkLedger } from '../../src/packages/fund/chain-check'
import { emptyHead, entryDocOf, headAfter, type EntryDoc } from './ledger-docs'

/**
 * 10,000 entries (a busy station's decade): fund.verify reads and re-hashes all of them within the
 * function's configured timeout (config.json: 10 s, for this action; CloudBase allows up to 60 s);
 * the phone-side check is timed too. Figures are printed for the closing note.
 */
const N = 10_000
const TIMEOUT_MS = (JSON.parse(fs.readFileSync(path.join(__dirname, 'config.json'), 'utf8')) as { timeout: number }).timeout * 1000
let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
  cloud.store.insert('communities', [{ _id: 'big', name: '大账本社区', code: 'BG', district: '绍兴市柯桥区', edition: '1.0', location: { latitude: 30.07, longitude: 120.49 }, volunteerApprovalRequired: false }])
  let head = emptyHead('big')
  const entries: EntryDoc[] = []
  for (let i = 0; i < N; i++) {
    const kind = i % 4 === 3 ? 'expense' : 'income'
    const e = nextEntry(head, { communityId: 'big', kind, amountFen: 1000 + (i % 97), date: '2026-11-02', category: kind === 'income' ? '个人捐赠' : '困难', partyShown: kind === 'income' ? '匿名' : '张**', channel: '银行转账', reference: `R${i}`, note: '', projectId: null, reverses: null, recordedOn: '2026-11-02' })
    const doc = entryDocOf(e, { party: '', aidId: null, requestId: `r${i}`, recordedBy: 's', recordedByName: 's' })
    entries.push(doc)
    head = headAfter(head, doc)
  }
  cloud.store.insert('fundEntries', entries)
  cloud.store.insert('fundHeads', [{ ...head, last: null }])
}, 120_000)
afterAll(() => cloud.stop())

test(`fund.verify checks ${N} entries within the function's timeout`, async () => {
  const started = performance.now()
  const result = unwrap(await cloud.call<VerifyResult>('fund', 'anyone', { action: 'verify', communityId: 'big' }))
  const ms = performance.now() - started
  console.log(`[fund] verify of ${N} entries in the function: ${Math.round(ms)} ms`)
  expect(result).toMatchObject({ ok: true, checked: N })
  expect(ms).toBeLessThan(TIMEOUT_MS)
}, 30_000)

test(`the phone-side check of ${N} entries: fetched in pages, hashed again`, async () => {
  const fetched: ChainPage['items'] = []
  const started = performance.now()
  const result = await checkLedger(async (afterSeq) => {
    const page = unwrap(await cloud.call<ChainPage>('fund', 'anyone', { action: 'chain', communityId: 'big', afterSeq }))
    fetched.push(...page.items)
    return page
  })
  const total = performance.now() - started
  const hashing = performance.now()
  checkChain(fetched)
  const hashMs = performance.now() - hashing
  console.log(`[fund] phone-side check of ${N} entries: ${Math.round(total)} ms with ${N / 500} chain calls, of which hashing ${Math.round(hashMs)} ms`)
  expect(result).toMatchObject({ ok: true, checked: N })
}, 60_000)
