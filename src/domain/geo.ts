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

/**
 * Walking at about 4.5 km/h (75 m a minute): the app's own calm estimate for an older bystander,
 * not a figure from a guideline; it errs on the slow side, so a device shown within reach is.
 */
export const WALKING_METERS_PER_MINUTE = 75

/** Minutes to walk this far, rounded up: an estimate, not a promise. */
export function walkingMinutes(meters: number): number {
  return Math.max(1, Math.ceil(meters / WALKING_METERS_PER_MINUTE))
}

export function formatDistance(meters: number): string {
  return meters < 1000 ? `${Math.round(meters)}米` : `${(meters / 1000).toFixed(1)}公里`
}

/**
 * WGS-84 (what a browser's geolocation gives) to GCJ-02 (what WeChat, Chinese maps and our AED
 * data use), by the published GCJ-02 offset formula. Outside mainland China nothing is shifted.
 */
export function wgs84ToGcj02({ latitude, longitude }: LatLng): LatLng {
  if (longitude < 72.004 || longitude > 137.8347 || latitude < 0.8293 || latitude > 55.8271) return { latitude, longitude }
  const a = 6_378_245.0
  const ee = 0.006_693_421_622_965_943
  const x = longitude - 105.0
  const y = latitude - 35.0
  let dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x))
  dLat += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0
  dLat += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0
  dLat += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0
  let dLng = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x))
  dLng += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0
  dLng += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0
  dLng += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0
  const radLat = (latitude / 180.0) * Math.PI
  const magic = 1 - ee * Math.sin(radLat) ** 2
  const sqrtMagic = Math.sqrt(magic)
  return {
    latitude: latitude + (dLat * 180.0) / (((a * (1 - ee)) / (magic * sqrtMagic)) * Math.PI),
    longitude: longitude + (dLng * 180.0) / ((a / sqrtMagic) * Math.cos(radLat) * Math.PI),
  }
}
