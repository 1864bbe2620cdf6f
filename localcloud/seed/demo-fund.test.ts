import { checkChain } from '@/domain/fund/chain'
import { toPublic } from '../../cloudfunctions/fund/ledger-docs'
import { demoFund } from './demo-fund'

const fund = demoFund(new Date('2026-12-03T02:00:00Z'))
const of = (communityId: string) => fund.entries.filter((e) => e.communityId === communityId)

test('港越\'s demo fund: 321,406.40 元 raised and 108 people aided, as the seeds report', () => {
  const gangyue = fund.heads.find((h) => h._id === 'gangyue')
  expect(gangyue).toMatchObject({ incomeFen: 32_140_640, aided: 108 })
  expect(gangyue!.balanceFen).toBe(gangyue!.incomeFen - gangyue!.expenseFen)
  expect(gangyue!.balanceFen).toBeGreaterThan(0)
})

test('玉兰\'s 红十字助学 raised 2.6 万元 through 腾讯公益', () => {
  expect(of('yulan').filter((e) => e.projectId === 'yulan-zhuxue' && e.kind === 'income').reduce((sum, e) => sum + e.amountFen, 0)).toBe(2_600_000)
})

test('every demo ledger verifies, with its month statements, and never goes below zero', () => {
  for (const head of fund.heads) {
    const entries = of(head._id)
    const statements = fund.statements.filter((s) => s.communityId === head._id)
    expect(checkChain(entries.map(toPublic), statements, { seq: head.seq, hash: head.hash })).toMatchObject({ ok: true, checked: entries.length })
    expect(statements.length).toBeGreaterThan(0)
    let balance = 0
    for (const e of entries) {
      balance += e.kind === 'income' ? e.amountFen : -e.amountFen
      expect(balance).toBeGreaterThanOrEqual(0)
    }
  }
})
