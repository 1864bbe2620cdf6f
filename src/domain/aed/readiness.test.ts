import { readinessOf, remindersOf } from './readiness'

const fine = { status: 'available' as const, verified: true, padsExpiry: '2027-06-01', batteryExpiry: '2028-01-01', lastInspection: '2026-11-01', openReportKinds: [] }
const TODAY = '2026-11-23'

test('a ready AED has no reasons', () => {
  expect(readinessOf(fine, TODAY)).toEqual({ readiness: 'ready', reasons: [] })
})

test('guardians hear of supplies expiring within 30 days', () => {
  expect(remindersOf({ ...fine, padsExpiry: '2026-12-20' }, TODAY)).toEqual(['电极片将于2026-12-20过期'])
  expect(remindersOf({ ...fine, padsExpiry: '2027-01-20' }, TODAY)).toEqual([])
})
