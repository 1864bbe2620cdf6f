import { completionPercent, sumTargets } from '@/domain/stats/figures'
import { DEMO_TARGETS } from './demo-stats'

test('the demo district shares the seeds\' 柯桥区 targets: 1,435 初级救护员 = 51.79%, 26,676 reached = 96.29%', () => {
  const district = sumTargets(Object.values(DEMO_TARGETS))
  expect(district.rescuers).toBe(2771)
  expect(completionPercent(1435, district.rescuers)).toBe(51.79)
  expect(completionPercent(26_676, district.reached)).toBe(96.29)
})
