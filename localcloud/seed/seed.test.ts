import { DocumentStore } from '../store/document-store'
import { DEMO_COMMUNITIES, DEMO_USERS } from './demo-data'
import { addDemoFund, reseed, seedIfEmpty } from './seed'

test('an empty store gets the three communities and the seven demo identities (two lesson editors, two staff, the district), once', () => {
  const store = DocumentStore.open(null)
  expect(seedIfEmpty(store)).toBe(true)
  expect(store.find('communities', {}, { sort: { name: 1 } }).map((c) => c.name).sort()).toEqual(['大渡社区', '港越社区', '玉兰社区'].sort())
  expect(store.find('users', {}).map((u) => u._id).sort()).toEqual(['demo-district', 'demo-editor', 'demo-member', 'demo-resident', 'demo-staff', 'demo-staff-2', 'demo-volunteer'])
  expect(store.find('users', {}).filter((u) => (u.roles as string[]).includes('editor')).map((u) => u._id).sort()).toEqual(['demo-editor', 'demo-staff'])
  expect(store.find('users', { _id: 'demo-district' })[0]).toMatchObject({ roles: ['district'], districts: ['绍兴市柯桥区'] })
  expect(store.find('users', { _id: 'demo-staff' })[0]).toMatchObject({ roles: ['staff', 'editor'], staffCommunityIds: DEMO_COMMUNITIES.map((c) => c._id) })
  expect(seedIfEmpty(store)).toBe(false)
  expect(store.count('users', {})).toBe(DEMO_USERS.length)
})

test('reseed wipes everything else and starts over', () => {
  const store = DocumentStore.open(null)
  seedIfEmpty(store)
  store.insert('wishes', [{ _id: 'not-demo', title: '修灯' }])
  store.update('users', { _id: 'demo-resident' }, { $set: { roles: ['staff'] } })
  reseed(store)
  expect(store.count('wishes', { _id: 'not-demo' })).toBe(0)
  expect(store.count('wishes', {})).toBeGreaterThan(0)
  expect(store.find('users', { _id: 'demo-resident' })[0].roles).toEqual([])
})

test('demo communities lie in 柯桥区 (30.0–30.1°N, 120.4–120.6°E)', () => {
  for (const { location } of DEMO_COMMUNITIES) {
    expect(location.latitude).toBeGreaterThanOrEqual(30.0)
    expect(location.latitude).toBeLessThanOrEqual(30.1)
    expect(location.longitude).toBeGreaterThanOrEqual(120.4)
    expect(location.longitude).toBeLessThanOrEqual(120.6)
  }
})

test('seeded service agrees with itself: totals and honour board equal the sum of the ledger', () => {
  const store = DocumentStore.open(null)
  seedIfEmpty(store)
  const ledger = store.find('hoursLedger', {})
  for (const volunteer of store.find('volunteers', {})) {
    const entries = ledger.filter((e) => e.openid === volunteer.openid)
    expect(volunteer.hours).toBe(entries.reduce((s, e) => s + (e.hours as number), 0))
    expect(volunteer.points).toBe(entries.reduce((s, e) => s + (e.points as number), 0))
  }
  expect(store.find('volunteers', { openid: 'demo-volunteer' })[0]).toMatchObject({ hours: 36, points: 360 })
  for (const row of store.find('honourTotals', {})) {
    const ids = Object.keys(row.applied as object)
    expect(row.hours).toBe(ledger.filter((e) => ids.includes(e._id as string)).reduce((s, e) => s + (e.hours as number), 0))
    expect(row.displayName).toMatch(/^.\*+$/)
  }
  const clinic = store.find('activities', { _id: 'demo-activity-clinic' })[0]
  expect(clinic.placesLeft).toBe((clinic.capacity as number) - 1)
  expect(store.find('activitySignups', { openid: 'demo-volunteer' })).toHaveLength(1)
})

test('a lesson change by the second editor waits for the first (two-person publishing shows from the first start)', () => {
  const store = DocumentStore.open(null)
  seedIfEmpty(store)
  expect(store.find('lessonVersions', {})).toEqual([expect.objectContaining({ lessonId: 'cpr-adult', by: 'demo-editor', status: 'pending', baseVersionId: null })])
  const draft = store.find('lessonVersions', {})[0] as unknown as { content: { keyPoints: string[] } }
  expect(draft.content.keyPoints).not.toEqual(store.find('lessons', { _id: 'cpr-adult' })[0].keyPoints)
})

test('a demo store from before the fund gets the demo ledgers once; a store with a ledger is never touched', () => {
  const store = DocumentStore.open(null)
  seedIfEmpty(store)
  expect(addDemoFund(store)).toBe(false)
  const before = store.count('fundEntries', {})
  for (const name of ['fundEntries', 'fundHeads', 'fundStatements', 'fundProjects', 'fundAid']) store.remove(name, {})
  store.remove('users', { _id: 'demo-staff-2' })
  expect(addDemoFund(store)).toBe(true)
  expect(store.count('fundEntries', {})).toBe(before)
  expect(store.count('users', { _id: 'demo-staff-2' })).toBe(1)
  expect(addDemoFund(store)).toBe(false)
  expect(addDemoFund(DocumentStore.open(null))).toBe(false)
})
