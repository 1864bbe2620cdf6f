import { formatDistance, haversineMeters, walkingMinutes, wgs84ToGcj02 } from './geo'

test('known distances', () => {
  // One degree of latitude along a meridian: πR/180.
  expect(haversineMeters({ latitude: 30, longitude: 120 }, { latitude: 31, longitude: 120 })).toBeCloseTo(111_195, -1)
  expect(haversineMeters({ latitude: 30.0656, longitude: 120.5068 }, { latitude: 30.0656, longitude: 120.5068 })).toBe(0)
})

test('walking time and distance read plainly', () => {
  expect(walkingMinutes(10)).toBe(1)
  expect(walkingMinutes(750)).toBe(10)
  expect(formatDistance(386.4)).toBe('386米')
  expect(formatDistance(1520)).toBe('1.5公里')
})

test('WGS-84 → GCJ-02 matches the published reference, and leaves points abroad alone', () => {
  // The example of wandergis/coordtransform: wgs84togcj02(116.404, 39.915).
  const gcj = wgs84ToGcj02({ latitude: 39.915, longitude: 116.404 })
  expect(gcj.longitude).toBeCloseTo(116.41024449916938, 9)
  expect(gcj.latitude).toBeCloseTo(39.91640428150164, 9)
  expect(wgs84ToGcj02({ latitude: 48.8584, longitude: 2.2945 })).toEqual({ latitude: 48.8584, longitude: 2.2945 })
})
