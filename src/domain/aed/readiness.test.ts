import { remindersOf, warningsOf } from './readiness'

const fine = { status: 'available' as const, padsExpiry: '2027-06-01', batteryExpiry: '2028-01-01', lastInspection: '2026-11-01' }
const TODAY = '2026-11-23'

test('a ready AED has no warnings', () => {
  expect(warningsOf(fine, TODAY)).toEqual([])
})

test.each([
  [{ status: 'maintenance' as const }, ['unverified']],
  [{ padsExpiry: '2026-11-22' }, ['padsExpired']],
  [{ padsExpiry: '2026-11-23' }, []],
  [{ batteryExpiry: '2026-01-01' }, ['batteryExpired']],
  [{ lastInspection: '2026-10-24' }, []],
  [{ lastInspection: '2026-10-23' }, ['inspectionOverdue']],
  [{ lastInspection: null }, ['inspectionOverdue']],
])('%j → %j', (change, warnings) => {
  expect(warningsOf({ ...fine, ...change }, TODAY)).toEqual(warnings)
})

test('guardians hear of supplies expiring within 30 days', () => {
  expect(remindersOf({ ...fine, padsExpiry: '2026-12-20' }, TODAY)).toEqual(['电极片将于2026-12-20过期'])
  expect(remindersOf({ ...fine, padsExpiry: '2027-01-20' }, TODAY)).toEqual([])
})
