import { layoutMarkers, scaleBar } from './marker-layout'

const FRAME = { width: 340, height: 240, gap: 44 }
const apart = (placed: Array<{ x: number; y: number }>) => {
  const all = [{ x: FRAME.width / 2, y: FRAME.height / 2 }, ...placed]
  return all.every((a, i) => all.every((b, j) => i >= j || Math.hypot(a.x - b.x, a.y - b.y) >= FRAME.gap - 0.5))
}

test('markers far apart stay where they are', () => {
  const placed = layoutMarkers([{ x: 30, y: 30 }, { x: 300, y: 200 }], FRAME)
  expect(placed.map((p) => [p.x, p.y, p.moved])).toEqual([[30, 30, false], [300, 200, false]])
})

test('20 AEDs at one address, or piled on the person, never overlap and stay inside', () => {
  for (const at of [{ x: 200, y: 100 }, { x: 170, y: 120 }, { x: 5, y: 5 }]) {
    const placed = layoutMarkers(Array.from({ length: 20 }, () => at), FRAME)
    expect(apart(placed)).toBe(true)
    expect(placed.every((p) => p.x >= 22 && p.x <= 318 && p.y >= 22 && p.y <= 218)).toBe(true)
    expect(placed.filter((p) => p.moved).length).toBeGreaterThan(0)
    // Each keeps its true place for the leader line.
    expect(placed.every((p) => p.trueX === Math.min(318, Math.max(22, at.x)))).toBe(true)
  }
})

test('the scale bar is a round distance that fits', () => {
  expect(scaleBar(0.1, 120)).toEqual({ meters: 1000, pixels: 100 })
  expect(scaleBar(1, 120)).toEqual({ meters: 100, pixels: 100 })
})
