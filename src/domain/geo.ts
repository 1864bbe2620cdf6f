/**
 * Distances on the earth between GCJ-02 coordinates (what WeChat's getLocation({ type: 'gcj02' })
 * answers and what the AED data model stores). GCJ-02 shifts WGS-84 by a few hundred metres in a
 * nearly uniform way locally, so distances between two GCJ-02 points are accurate to metres.
 */
export type LatLng = { latitude: number; longitude: number }

/** Mean earth radius (IUGG), metres. */
export const EARTH_RADIUS_METERS = 6_371_008.8

const rad = (deg: number) => (deg * Math.PI) / 180

export function haversineMeters(a: LatLng, b: LatLng): number {
  const dLat = rad(b.latitude - a.latitude)
  const dLng = rad(b.longitude - a.longitude)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** Walking at about 4.5 km/h (75 m a minute), rounded up: a calm estimate, not a promise. */
export function walkingMinutes(meters: number): number {
  return Math.max(1, Math.ceil(meters / 75))
}

export function formatDistance(meters: number): string {
  return meters < 1000 ? `${Math.round(meters)}米` : `${(meters / 1000).toFixed(1)}公里`
}
