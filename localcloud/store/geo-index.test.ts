import { GeoIndex, sphereDistance } from './geo-index'

/** The grid search must give exactly what a plain scan gives. */
function random(seed: number) {
  let x = seed
  return () => ((x = (x * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31)
}

test('nearest k, filtered and within a radius, equals a linear scan on random points', () => {
  const rand = random(42)
  const index = new GeoIndex()
  const points = Array.from({ length: 3000 }, (_unused, i) => ({ id: `p${i}`, lat: 30 + rand() * 0.2, lng: 120.4 + rand() * 0.2 }))
  points.forEach((p) => index.put(p.id, { type: 'Point', coordinates: [p.lng, p.lat] }))
  const even = (id: string) => Number(id.slice(1)) % 2 === 0
  for (let q = 0; q < 50; q++) {
    const lat = 29.98 + rand() * 0.24
    const lng = 120.38 + rand() * 0.24
    const maxDistance = q % 3 === 0 ? 2_000 : Infinity
    const expected = points
      .map((p) => ({ id: p.id, distance: sphereDistance(lat, lng, p.lat, p.lng) }))
      .filter((p) => even(p.id) && p.distance <= maxDistance)
      .sort((a, b) => a.distance - b.distance)
      .slice(0, 10)
    expect(index.nearest(lat, lng, 10, even, maxDistance).map((p) => p.id)).toEqual(expected.map((p) => p.id))
  }
})

test('moved and removed points are found where they are now', () => {
  const index = new GeoIndex()
  index.put('a', { type: 'Point', coordinates: [120.5, 30.05] })
  index.put('b', { type: 'Point', coordinates: [120.9, 30.9] })
  index.put('a', { type: 'Point', coordinates: [121.5, 31.05] })
  expect(index.nearest(30.05, 120.5, 1, () => true).map((p) => p.id)).toEqual(['b'])
  index.remove('b')
  expect(index.nearest(30.05, 120.5, 5, () => true).map((p) => p.id)).toEqual(['a'])
})
