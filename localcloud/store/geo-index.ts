/**
 * A grid index over GeoJSON points of one field of one collection, for `$nearSphere` queries:
 * points are bucketed in cells of CELL degrees; a query walks rings of cells outward from the
 * centre and stops once no unvisited cell can hold anything nearer than what it already has.
 */
const CELL = 0.01 // ≈ 1.1 km north-south
const METERS_PER_DEGREE = 111_194.9 // at the mean earth radius
const EARTH_RADIUS = 6_378_100 // CloudBase's geo queries use 6378.1 km

type Entry = { id: string; lat: number; lng: number; cell: string }

export type GeoPoint = { type: 'Point'; coordinates: [number, number] }

export function isGeoPoint(value: unknown): value is GeoPoint {
  if (!value || typeof value !== 'object') return false
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown }
  return type === 'Point' && Array.isArray(coordinates) && coordinates.length === 2 && coordinates.every((n) => typeof n === 'number')
}

export function sphereDistance(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180
  const dLat = (lat2 - lat1) * rad
  const dLng = (lng2 - lng1) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS * Math.asin(Math.min(1, Math.sqrt(h)))
}

const cellOf = (lat: number, lng: number): [number, number] => [Math.floor(lat / CELL), Math.floor(lng / CELL)]
const keyOf = (row: number, col: number) => `${row}:${col}`

export class GeoIndex {
  private readonly cells = new Map<string, Set<string>>()
  private readonly entries = new Map<string, Entry>()

  put(id: string, point: GeoPoint): void {
    this.remove(id)
    const [lng, lat] = point.coordinates
    const cell = keyOf(...cellOf(lat, lng))
    this.entries.set(id, { id, lat, lng, cell })
    let ids = this.cells.get(cell)
    if (!ids) this.cells.set(cell, (ids = new Set()))
    ids.add(id)
  }

  remove(id: string): void {
    const entry = this.entries.get(id)
    if (!entry) return
    this.entries.delete(id)
    this.cells.get(entry.cell)?.delete(id)
  }

  /**
   * Ids by distance from (lat, lng), nearest first, that `accept` lets through, within
   * [minDistance, maxDistance] metres, until `count` are found.
   */
  nearest(lat: number, lng: number, count: number, accept: (id: string) => boolean, maxDistance = Infinity, minDistance = 0): Array<{ id: string; distance: number }> {
    const [row, col] = cellOf(lat, lng)
    // The narrowest a cell gets is its east-west width at the highest latitude it could reach.
    const cellMeters = CELL * METERS_PER_DEGREE * Math.max(0.01, Math.cos((Math.min(89, Math.abs(lat) + 1) * Math.PI) / 180))
    const found: Array<{ id: string; distance: number }> = []
    const maxRing = Math.min(Math.ceil(maxDistance / cellMeters) + 1, 18_000)
    let seen = 0
    for (let ring = 0; ring <= maxRing; ring++) {
      for (const key of ringKeys(row, col, ring)) {
        for (const id of this.cells.get(key) ?? []) {
          seen += 1
          const entry = this.entries.get(id) as Entry
          const distance = sphereDistance(lat, lng, entry.lat, entry.lng)
          if (distance <= maxDistance && distance >= minDistance && accept(id)) found.push({ id, distance })
        }
      }
      found.sort((a, b) => a.distance - b.distance)
      // Everything in rings beyond this one lies at least ring × cell width away.
      if (found.length >= count && found[count - 1].distance <= ring * cellMeters) break
      if (seen === this.entries.size) break
    }
    return found.slice(0, count)
  }
}

function* ringKeys(row: number, col: number, ring: number): Generator<string> {
  if (ring === 0) {
    yield keyOf(row, col)
    return
  }
  for (let c = col - ring; c <= col + ring; c++) {
    yield keyOf(row - ring, c)
    yield keyOf(row + ring, c)
  }
  for (let r = row - ring + 1; r <= row + ring - 1; r++) {
    yield keyOf(r, col - ring)
    yield keyOf(r, col + ring)
  }
}
