import { checkChain, entryHash, GENESIS_HASH, nextEntry, type PublicEntry } from './chain'

const content = (i: number) => ({
  communityId: 'gangyue',
  kind: (i % 3 === 2 ? 'expense' : 'income') as 'income' | 'expense',
  amountFen: 1000 + i,
  date: '2026-11-02',
  category: i % 3 === 2 ? ('大病' as const) : ('个人捐赠' as const),
  partyShown: i % 3 === 2 ? '张**' : '匿名',
  channel: '银行转账' as const,
  reference: `R${i}`,
  note: '',
  projectId: null,
  reverses: null,
  recordedOn: '2026-11-02',
})

function build(n: number): PublicEntry[] {
  const out: PublicEntry[] = []
  let head = { seq: 0, hash: GENESIS_HASH }
  for (let i = 0; i < n; i++) {
    const entry = nextEntry(head, content(i))
    out.push(entry)
    head = { seq: entry.seq, hash: entry.hash }
  }
  return out
}

describe('the hash chain', () => {
  test('an intact chain checks out, with its balance and head', () => {
    const chain = build(30)
    const result = checkChain(chain, [{ month: '2026-11', seq: 10, hash: chain[9].hash }], { seq: 30, hash: chain[29].hash })
    expect(result).toEqual({ ok: true, checked: 30, headHash: chain[29].hash, balanceFen: chain.reduce((sum, e) => sum + (e.kind === 'income' ? e.amountFen : -e.amountFen), 0) })
  })

  test('an amount changed in place is found at that entry', () => {
    const chain = build(20)
    chain[6] = { ...chain[6], amountFen: chain[6].amountFen + 100 }
    expect(checkChain(chain).brokenAt).toMatchObject({ seq: 7, reason: 'content' })
  })

  test('an amount changed and its hash recomputed breaks the link to the next entry', () => {
    const chain = build(20)
    const forged = { ...chain[6], amountFen: 1 }
    chain[6] = { ...forged, hash: entryHash(forged) }
    expect(checkChain(chain).brokenAt).toMatchObject({ seq: 8, reason: 'link' })
  })

  test('history rewritten from an entry on (every hash recomputed) still contradicts the month statement', () => {
    const chain = build(12)
    const statement = { month: '2026-10', seq: 8, hash: chain[7].hash }
    let head = { seq: 4, hash: chain[3].hash }
    const rewritten = chain.slice(0, 4)
    for (let i = 4; i < 12; i++) {
      const entry = nextEntry(head, { ...content(i), amountFen: 1 })
      rewritten.push(entry)
      head = { seq: entry.seq, hash: entry.hash }
    }
    expect(checkChain(rewritten).ok).toBe(true)
    expect(checkChain(rewritten, [statement]).brokenAt).toMatchObject({ seq: 8, reason: 'statement' })
  })

  test('a deleted entry is a gap; entries cut off the end contradict the head and the statements', () => {
    const chain = build(10)
    expect(checkChain([...chain.slice(0, 4), ...chain.slice(5)]).brokenAt).toMatchObject({ seq: 5, reason: 'gap' })
    expect(checkChain(chain.slice(0, 7), [], { seq: 10, hash: chain[9].hash }).brokenAt).toMatchObject({ seq: 8, reason: 'gap' })
    expect(checkChain(chain.slice(0, 7), [{ month: '2026-11', seq: 9, hash: chain[8].hash }]).ok).toBe(false)
  })

  test('the hash covers every public field', () => {
    const [entry] = build(1)
    const changes: Array<Partial<PublicEntry>> = [{ communityId: 'yulan' }, { kind: 'expense' }, { date: '2026-11-03' }, { category: '单位捐赠' }, { partyShown: '李**' }, { channel: '现金' }, { reference: 'X' }, { note: '改' }, { projectId: 'p' }, { reverses: 1 }, { recordedOn: '2026-11-03' }]
    for (const change of changes) expect(entryHash({ ...entry, ...change })).not.toBe(entry.hash)
  })
})
