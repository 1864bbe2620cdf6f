import { formatDistance, haversineMeters, walkingMinutes } from './geo'

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
