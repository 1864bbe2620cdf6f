/**
 * Where to draw the AED markers of the H5 overview so that none covers another (or the person's
 * own marker): nearest first, each goes to its true place if that is free, otherwise to the
 * nearest free spot (on a grid of half the gap); a moved marker keeps a leader line to its true
 * place. The overview shows at most 20, which always fit.
 */
export type Frame = { width: number; height: number; gap: number }
export type Placed = { x: number; y: number; trueX: number; trueY: number; moved: boolean }

export function layoutMarkers(points: ReadonlyArray<{ x: number; y: number }>, { width, height, gap }: Frame): Placed[] {
  const inset = gap / 2
  const clamp = (p: { x: number; y: number }) => ({ x: Math.min(width - inset, Math.max(inset, p.x)), y: Math.min(height - inset, Math.max(inset, p.y)) })
  const me = { x: width / 2, y: height / 2 }
  const step = gap / 2
  const spots: Array<{ x: number; y: number }> = []
  for (let x = inset; x <= width - inset + 0.01; x += step) for (let y = inset; y <= height - inset + 0.01; y += step) spots.push({ x, y })

  const taken: Array<{ x: number; y: number }> = [me]
  const free = (p: { x: number; y: number }) => taken.every((t) => Math.hypot(t.x - p.x, t.y - p.y) >= gap)
  const order = points.map((p, i) => ({ i, p: clamp(p) })).sort((a, b) => Math.hypot(a.p.x - me.x, a.p.y - me.y) - Math.hypot(b.p.x - me.x, b.p.y - me.y))
  const placed: Placed[] = new Array(points.length)
  for (const { i, p } of order) {
    const best = free(p) ? p : spots.filter(free).sort((a, b) => Math.hypot(a.x - p.x, a.y - p.y) - Math.hypot(b.x - p.x, b.y - p.y))[0] ?? p
    taken.push(best)
    placed[i] = { x: best.x, y: best.y, trueX: p.x, trueY: p.y, moved: best !== p }
  }
  return placed
}

/** A round distance for the scale bar that fits in `maxPixels` at this many pixels per metre. */
export function scaleBar(pixelsPerMeter: number, maxPixels: number): { meters: number; pixels: number } {
  const steps = [20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000]
  const meters = [...steps].reverse().find((m) => m * pixelsPerMeter <= maxPixels) ?? steps[0]
  return { meters, pixels: meters * pixelsPerMeter }
}
