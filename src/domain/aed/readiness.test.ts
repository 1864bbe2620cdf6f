import type { ReportKind } from './contract'
import { compareForEmergency, compareForRescue, forRescue, inReach, readinessOf, roundTripMinutes, REASON_LABELS, remindersOf, type OpenReport, type Readiness, type ReadinessInput, type ReadinessReason } from './readiness'

/** Reports from people with standing (guardian, staff, responder, member, active volunteer). */
const confirmed = (...kinds: ReportKind[]): OpenReport[] => kinds.map((kind) => ({ kind, confirmed: true }))
const unconfirmed = (...kinds: ReportKind[]): OpenReport[] => kinds.map((kind) => ({ kind, confirmed: false }))

const fine: ReadinessInput = { status: 'available', verified: true, padsExpiry: '2027-06-01', batteryExpiry: '2028-01-01', lastInspection: '2026-11-01', openReports: [] }
const TODAY = '2026-11-23'

test('a checked, in-date device is ready, with no reasons', () => {
  expect(readinessOf(fine, TODAY)).toEqual({ readiness: 'ready', reasons: [] })
})

test.each<[string, Partial<ReadinessInput>, Readiness, ReadinessReason[]]>([
  ['an open fault report', { openReports: confirmed('fault') }, 'out_of_service', ['reportedFault']],
  ['an open "used" report', { openReports: confirmed('used') }, 'out_of_service', ['reportedUsed']],
  ['an inspection found it faulty', { status: 'maintenance' }, 'out_of_service', ['maintenance']],
  ['找不到', { openReports: confirmed('missing') }, 'warning', ['positionDoubtful']],
  ['位置不对', { openReports: confirmed('wrongPlace') }, 'warning', ['positionDoubtful']],
  ['柜门无法打开', { openReports: confirmed('locked') }, 'warning', ['reportedLocked']],
  ['a report of another kind', { openReports: confirmed('other') }, 'ready', []],
  ['pads past their date', { padsExpiry: '2026-11-22' }, 'warning', ['padsExpired']],
  ['pads expiring today still count', { padsExpiry: '2026-11-23' }, 'ready', []],
  ['battery past its date', { batteryExpiry: '2026-01-01' }, 'warning', ['batteryExpired']],
  ['inspected 30 days ago', { lastInspection: '2026-10-24' }, 'ready', []],
  ['inspected 31 days ago', { lastInspection: '2026-10-23' }, 'warning', ['inspectionOverdue']],
  ['never inspected', { lastInspection: null }, 'warning', ['neverInspected']],
  ['a suggestion not yet verified', { verified: false, status: 'unknown', padsExpiry: null, batteryExpiry: null, lastInspection: null }, 'warning', ['unverified', 'neverInspected']],
])('%s → %s %j', (_label, change, readiness, reasons) => {
  expect(readinessOf({ ...fine, ...change }, TODAY)).toEqual({ readiness, reasons })
})

// Issue 29: a report from an account without standing only warns, however many arrive.
test.each<[string, OpenReport[], Readiness, ReadinessReason[]]>([
  ['a fault reported without standing', unconfirmed('fault'), 'warning', ['reportedUnconfirmed']],
  ['a use reported without standing', unconfirmed('used'), 'warning', ['reportedUnconfirmed']],
  ['twenty such reports', Array.from({ length: 20 }, (_unused, i) => unconfirmed(i % 2 ? 'fault' : 'used')[0]), 'warning', ['reportedUnconfirmed']],
  ['one of them from someone with standing', [...unconfirmed('fault', 'used'), ...confirmed('used')], 'out_of_service', ['reportedUsed', 'reportedUnconfirmed']],
])('%s → %s %j', (_label, openReports, readiness, reasons) => {
  expect(readinessOf({ ...fine, openReports }, TODAY)).toEqual({ readiness, reasons })
})

test('what makes a device unusable comes first; one reason per cause however many reports', () => {
  const aed = { ...fine, padsExpiry: '2026-01-01', openReports: confirmed('missing', 'fault', 'wrongPlace', 'used', 'fault') }
  expect(readinessOf(aed, TODAY)).toEqual({ readiness: 'out_of_service', reasons: ['reportedFault', 'reportedUsed', 'positionDoubtful', 'padsExpired'] })
})

test('labels say what a rescuer should expect, never a bare 待核实', () => {
  expect(REASON_LABELS.reportedFault).toBe('可能无法使用：有人报告故障')
  expect(REASON_LABELS.reportedUsed).toBe('可能无法使用：已被使用，待检查')
  expect(REASON_LABELS.positionDoubtful).toBe('位置待核实')
  expect(REASON_LABELS.reportedUnconfirmed).toBe('有人报告可能无法使用，待核实')
  expect(REASON_LABELS.padsExpired).toBe('电极片已过期')
  expect(REASON_LABELS.batteryExpired).toBe('电池已过期')
  expect(REASON_LABELS.inspectionOverdue).toBe('超期未巡检')
  expect(Object.values(REASON_LABELS)).not.toContain('待核实')
})

describe('emergency order', () => {
  const aed = (name: string, readiness: Readiness, openNow: boolean, distanceMeters: number) => ({ name, readiness, openNow, distanceMeters })
  const order = (...aeds: Array<ReturnType<typeof aed>>) => [...aeds].sort(compareForEmergency).map((a) => a.name)

  test('a farther ready-and-open device comes before a nearer broken or closed one', () => {
    expect(order(aed('broken', 'out_of_service', true, 50), aed('closed', 'ready', false, 80), aed('far', 'ready', true, 600))).toEqual(['far', 'closed', 'broken'])
  })

  test('then open with a warning, closed ready, closed with a warning, broken open, broken closed; nearest first within each', () => {
    const all = [
      aed('broken-closed', 'out_of_service', false, 10),
      aed('broken-open', 'out_of_service', true, 20),
      aed('warning-closed', 'warning', false, 30),
      aed('ready-closed', 'ready', false, 40),
      aed('warning-open', 'warning', true, 50),
      aed('ready-open-far', 'ready', true, 70),
      aed('ready-open', 'ready', true, 60),
    ]
    expect(order(...all)).toEqual(['ready-open', 'ready-open-far', 'warning-open', 'ready-closed', 'warning-closed', 'broken-open', 'broken-closed'])
  })
})

describe('guardian reminders', () => {
  test('supplies expiring within 30 days, expired ones, and a due inspection', () => {
    expect(remindersOf({ ...fine, padsExpiry: '2026-12-20' }, TODAY)).toEqual(['电极片将于2026-12-20过期'])
    expect(remindersOf({ ...fine, padsExpiry: '2027-01-20' }, TODAY)).toEqual([])
    expect(remindersOf({ ...fine, batteryExpiry: '2026-11-01', lastInspection: null }, TODAY)).toEqual(['电池已过期', '已超过巡检周期'])
  })
})

describe('what a bystander is sent for', () => {
  const aed = (name: string, distanceMeters: number, readiness: 'ready' | 'warning' | 'out_of_service', openNow = true) => ({
    name, distanceMeters, roundTripMinutes: roundTripMinutes(distanceMeters), readiness, openNow,
  })

  // 广州 2024 规范 / 中国AED布局与投放专家共识 2020: fetched and brought back within 3–5 minutes.
  test('reach is the round trip: 180 m there and back is 5 minutes, 200 m is not', () => {
    expect(roundTripMinutes(180)).toBe(5)
    expect(inReach(aed('180m', 180, 'ready'))).toBe(true)
    expect(roundTripMinutes(200)).toBe(6)
    expect(inReach(aed('200m', 200, 'ready'))).toBe(false)
  })

  test('a warned device that can be fetched in time comes before a ready one that cannot', () => {
    expect(forRescue([aed('ready-far', 300, 'ready'), aed('warned-near', 150, 'warning'), aed('ready-near', 170, 'ready')], 3).map((a) => a.name)).toEqual(['ready-near', 'warned-near', 'ready-far'])
  })

  test('usable ones only; within reach first, ready before warned, then nearest', () => {
    const picked = forRescue(
      [aed('far-ready', 1200, 'ready'), aed('near-broken', 50, 'out_of_service'), aed('near-closed', 100, 'ready', false), aed('near-warned', 100, 'warning'), aed('near-ready', 150, 'ready')],
      3,
    )
    expect(picked.map((a) => a.name)).toEqual(['near-ready', 'near-warned', 'far-ready'])
  })

  // Issue 26: 找AED uses the emergency screen's ranking, keeping the unusable ones at the end.
  test('the whole list in the rescue order: usable ones as the emergency screen picks them, then closed, then out of service', () => {
    const all = [
      aed('near-broken', 50, 'out_of_service'),
      aed('near-closed-expired', 60, 'warning', false),
      aed('near-closed', 90, 'ready', false),
      aed('far-ready', 1200, 'ready'),
      aed('near-warned', 100, 'warning'),
      aed('near-ready', 150, 'ready'),
      aed('broken-closed', 40, 'out_of_service', false),
    ]
    const ranked = [...all].sort(compareForRescue).map((a) => a.name)
    expect(ranked).toEqual(['near-ready', 'near-warned', 'far-ready', 'near-closed', 'near-closed-expired', 'near-broken', 'broken-closed'])
    expect(ranked.slice(0, 3)).toEqual(forRescue(all, 3).map((a) => a.name))
  })
})
