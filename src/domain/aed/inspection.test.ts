import { followUpsOf, inspectionOverdue, refusalsOf, type Checklist, type InspectionInput } from './inspection'

// The checklist of DB3301/T 0435-2023 附录D「AED日常巡检维护记录表」 (杭州) and 广州 2024 规范.
const allFine: Checklist = { statusLight: true, padsSealed: true, batteryOk: true, cabinetOpens: true, alarmWorks: true, paediatricPads: 'present' }
const ok: InspectionInput = { date: '2026-12-03', result: 'ok', checklist: allFine, padsExpiry: '2028-01-01', batteryExpiry: '2029-01-01', padsReplaced: false }

test('设备完好 needs every essential item, supplies in date, and after a use new pads and a passed self-test', () => {
  expect(refusalsOf(ok, false)).toEqual({})
  expect(Object.keys(refusalsOf({ ...ok, checklist: { ...allFine, statusLight: false, cabinetOpens: false } }, false))).toEqual(['statusLight', 'cabinetOpens'])
  expect(Object.keys(refusalsOf({ ...ok, padsExpiry: '2026-12-02' }, false))).toEqual(['padsExpiry'])
  expect(Object.keys(refusalsOf(ok, true))).toEqual(['padsReplaced', 'selfTest'])
  expect(refusalsOf({ ...ok, padsReplaced: true, selfTest: 'passed' }, true)).toEqual({})
  expect(Object.keys(refusalsOf({ ...ok, padsReplaced: true, selfTest: 'failed' }, true))).toEqual(['selfTest'])
  // 设备故障 may always be recorded.
  expect(refusalsOf({ ...ok, result: 'faulty', checklist: { ...allFine, batteryOk: false } }, true)).toEqual({})
})

test('the cabinet alarm and children\'s pads are follow-ups, not faults', () => {
  expect(refusalsOf({ ...ok, checklist: { ...allFine, alarmWorks: false, paediatricPads: 'missing' } }, false)).toEqual({})
  expect(followUpsOf({ ...allFine, alarmWorks: false, paediatricPads: 'missing' })).toEqual(['机柜报警装置需维修', '需补充儿童电极片'])
  expect(followUpsOf({ ...allFine, paediatricPads: 'notEquipped' })).toEqual([])
})

test.each([
  ['monthly (default), 30 days ago', '2026-11-03', undefined, false],
  ['monthly, 31 days ago', '2026-11-02', 'monthly', true],
  ['weekly, 7 days ago', '2026-11-26', 'weekly', false],
  ['weekly, 8 days ago', '2026-11-25', 'weekly', true],
  // 广州 2024: 每日至少检查1次.
  ['daily, yesterday', '2026-12-02', 'daily', false],
  ['daily, two days ago', '2026-12-01', 'daily', true],
] as const)('%s → overdue %s', (_label, last, cycle, overdue) => {
  expect(inspectionOverdue(last, '2026-12-03', cycle)).toBe(overdue)
})
