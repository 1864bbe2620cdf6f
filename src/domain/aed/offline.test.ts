import type { NearbyAed } from './contract'
import { describeAge, keepAeds, KEPT_AEDS_MAX, nearestKept, readKept } from './offline'

/** A device north of the spot, as an AED list answers it. */
const spot = { latitude: 30.07, longitude: 120.5 }
const north = (meters: number) => ({ latitude: spot.latitude + meters / 111_195, longitude: spot.longitude })
const aed = (id: string, meters: number, extra: Partial<NearbyAed> = {}): NearbyAed => ({
  _id: id,
  name: id,
  location: north(meters),
  distanceMeters: 9999,
  walkingMinutes: 99,
  roundTripMinutes: 99,
  address: '大渡社区',
  landmark: '门口',
  placement: 'outdoor',
  floor: '',
  openingHours: { always: true },
  photo: 'https://example.invalid/photo.jpg',
  readiness: 'ready',
  reasons: [],
  warnings: [],
  openNow: true,
  hours: '24小时开放',
  status: 'available',
  ...extra,
})
const at = (iso: string) => new Date(iso)
// 08:00–18:00 on Mondays only.
const daytime = { always: false as const, weekly: { mon: [['08:00', '18:00'] as [string, string]] } }

describe('the AEDs the phone keeps for a cardiac arrest without signal (issue 22)', () => {
  test('every list adds to what is kept; a device seen again takes its newest state; distances and photo links are not kept', () => {
    const first = keepAeds(null, [aed('a', 100), aed('b', 200)], at('2026-11-23T02:00:00Z'))
    const second = keepAeds(first, [aed('b', 200, { readiness: 'out_of_service' }), aed('c', 300)], at('2026-11-23T03:00:00Z'))
    expect(second.items.map((k) => [k._id, k.seenAt, k.readiness])).toEqual([
      ['b', '2026-11-23T03:00:00.000Z', 'out_of_service'],
      ['c', '2026-11-23T03:00:00.000Z', 'ready'],
      ['a', '2026-11-23T02:00:00.000Z', 'ready'],
    ])
    expect(second.items[0]).not.toHaveProperty('distanceMeters')
    expect(second.items[0]).not.toHaveProperty('photo')
  })

  test('at most KEPT_AEDS_MAX devices, the least recently seen dropped', () => {
    const old = keepAeds(null, [aed('old', 100)], at('2026-11-01T00:00:00Z'))
    const many = Array.from({ length: KEPT_AEDS_MAX }, (_, i) => aed(`new-${i}`, 100 + i))
    const kept = keepAeds(old, many, at('2026-11-23T00:00:00Z'))
    expect(kept.items).toHaveLength(KEPT_AEDS_MAX)
    expect(kept.items.some((k) => k._id === 'old')).toBe(false)
  })

  test('what storage answers is used only when this version kept it', () => {
    expect(readKept(undefined)).toBeNull()
    expect(readKept('')).toBeNull()
    expect(readKept({ version: 2, items: [] })).toBeNull()
    expect(readKept({ version: 1, items: 'x' })).toBeNull()
    const kept = keepAeds(null, [aed('a', 100)], new Date())
    expect(readKept(JSON.parse(JSON.stringify(kept)))).toEqual(kept)
  })

  test('measured again from where the person is now, opening hours read at the time now, ranked as live (usable, in reach, ready first)', () => {
    const kept = keepAeds(
      null,
      [
        aed('broken', 50, { readiness: 'out_of_service' }),
        aed('daytime', 80, { openingHours: daytime, openNow: true }),
        aed('warned', 120, { readiness: 'warning' }),
        aed('ready', 160),
        aed('far', 900),
        aed('too-far', 5000),
      ],
      at('2026-11-23T02:00:00Z'), // Monday 10:00 in China
    )
    // Monday 22:00 in China: the daytime one is closed now, though it was open when seen.
    const night = nearestKept(kept, spot, at('2026-11-23T14:00:00Z'), { radiusMeters: 1500, count: 3 })
    expect(night.aeds.map((a) => a._id)).toEqual(['ready', 'warned', 'far'])
    expect(night.aeds[0]).toMatchObject({ distanceMeters: 160, roundTripMinutes: 5, openNow: true, photo: null })
    // Monday 11:00: open again, and nearest.
    const day = nearestKept(kept, spot, at('2026-11-23T03:00:00Z'), { radiusMeters: 1500, count: 3 })
    expect(day.aeds.map((a) => a._id)).toEqual(['daytime', 'ready', 'warned'])
    expect(day.seenAt).toBe('2026-11-23T02:00:00.000Z')
  })

  test('the age shown is that of the oldest device shown; nothing near, no age', () => {
    const first = keepAeds(null, [aed('a', 100)], at('2026-11-23T02:00:00Z'))
    const kept = keepAeds(first, [aed('b', 150)], at('2026-11-23T05:00:00Z'))
    expect(nearestKept(kept, spot, at('2026-11-23T06:00:00Z'), { radiusMeters: 1500, count: 3 }).seenAt).toBe('2026-11-23T02:00:00.000Z')
    expect(nearestKept(kept, { latitude: 31.2, longitude: 121.5 }, new Date(), { radiusMeters: 1500, count: 3 })).toEqual({ aeds: [], seenAt: null })
  })

  test('the age in plain words', () => {
    const now = at('2026-11-23T10:00:00Z')
    expect(describeAge('2026-11-23T09:59:30Z', now)).toBe('刚刚')
    expect(describeAge('2026-11-23T09:55:00Z', now)).toBe('5分钟前')
    expect(describeAge('2026-11-23T07:00:00Z', now)).toBe('3小时前')
    expect(describeAge('2026-11-21T09:00:00Z', now)).toBe('2天前')
  })
})
