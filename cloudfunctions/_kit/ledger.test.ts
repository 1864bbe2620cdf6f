import { runAs } from '../../localcloud/backend/identity'
import { startTestCloud, type TestCloud } from '../../localcloud/testing'
import { ownedId } from './ids'
import { credit } from './ledger'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
})
afterAll(() => cloud.stop())

const SERVED = '2026-03-10'

/** One credit of an hour for `openid`, as the functions make them. */
const creditOne = (openid: string, i: number, rowsThere: boolean) =>
  runAs({ openid: 'demo-staff', appid: 'test' }, () =>
    credit(
      { _id: `race:${openid}:${i}`, openid, source: 'activity', sourceId: `race-${i}`, title: '社区义诊', hours: 1, reason: '', communityId: 'dadu', creditedBy: 'demo-staff', creditedByName: '张敏', serviceFrom: SERVED, serviceDate: SERVED, place: '大渡社区', content: '义诊' },
      { rowsThere },
    ),
  )

function volunteerOf(openid: string, name: string) {
  cloud.store.insert('volunteers', [{ _id: ownedId('vo', openid), openid, status: 'active', name, phone: '13800000004', communityId: 'dadu', skills: [], availability: [], intro: '', hours: 0, points: 0, rejectReason: null, registeredAt: new Date() }])
}

const boardOf = (openid: string) =>
  cloud
    .docs('honourTotals')
    .filter((row) => row.openid === openid)
    .map((row) => ({ period: row.period, hours: row.hours, applied: Object.keys(row.applied as object).length, displayName: row.displayName }))
    .sort((a, b) => String(a.period).localeCompare(String(b.period)))

// A period's first credits create the person's board rows with themselves in: racing, and retried, none is lost or counted twice.
test.each([
  ['created and added side by side', false],
  ['added to first, created where missing (a roster)', true],
])('20 concurrent first credits of a month, then their retries: the board rows hold each exactly once (%s)', async (_how, rowsThere) => {
  const openid = `board-race-${rowsThere ? 'roster' : 'single'}`
  volunteerOf(openid, '孙丽')
  const twenty = Array.from({ length: 20 }, (_unused, i) => i)
  const once = [
    { period: 'month', hours: 20, applied: 20, displayName: '孙*' },
    { period: 'year', hours: 20, applied: 20, displayName: '孙*' },
  ]
  await Promise.all(twenty.map((i) => creditOne(openid, i, rowsThere)))
  expect(boardOf(openid)).toEqual(once)
  await Promise.all(twenty.map((i) => creditOne(openid, i, rowsThere)))
  expect(boardOf(openid)).toEqual(once)
  expect(cloud.store.find('volunteers', { openid })[0]).toMatchObject({ hours: 20 })
  expect(cloud.docs('hoursLedger').filter((e) => e.openid === openid)).toHaveLength(20)
})
