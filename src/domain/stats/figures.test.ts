import { completionPercent, EMPTY_FIGURES, gaugesOf, sumFigures, sumTargets } from './figures'

test('completion as the seeds report it: 柯桥区 1,435 初级救护员 of 2,771 = 51.79%', () => {
  expect(completionPercent(1435, 2771)).toBe(51.79)
  // The seeds' second figure: 26,676 people reached = 96.29% of the year's target.
  expect(completionPercent(26_676, 27_704)).toBe(96.29)
})

test('no target, no completion', () => {
  expect(completionPercent(10, undefined)).toBeNull()
  expect(completionPercent(10, 0)).toBeNull()
})

test('district totals add up the communities, targets only where set', () => {
  const a = { ...EMPTY_FIGURES, members: 3, hours: 1.5 }
  const b = { ...EMPTY_FIGURES, members: 2, hours: 0.1 }
  expect(sumFigures([a, b])).toMatchObject({ members: 5, hours: 1.6 })
  expect(sumTargets([{ rescuers: 100 }, { rescuers: 50, members: 10 }, {}])).toEqual({ rescuers: 150, members: 10 })
})


test('gauges only for the targets that are set, in a fixed order', () => {
  const rows = gaugesOf({ ...EMPTY_FIGURES, rescuers: 1435, members: 10 }, { rescuers: 2771, members: 0 })
  expect(rows).toEqual([{ key: 'rescuers', label: '初级救护员', value: 1435, target: 2771, percent: 51.79, unit: '' }])
})
