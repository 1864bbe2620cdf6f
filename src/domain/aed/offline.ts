import { haversineMeters, walkingMinutes, type LatLng } from '../geo'
import type { NearbyAed } from './contract'
import { isOpenAt } from './hours'
import { forRescue, roundTripMinutes } from './readiness'

/**
 * The AEDs the phone has seen, kept for a cardiac arrest without signal (issue 22): every AED list
 * that loads adds to it, and when the emergency screen's own request fails or is slow, the nearest
 * usable ones come from here, with the age of what is shown. Distances are measured again from
 * where the person is now and opening hours read at the time now; readiness is as last seen.
 */
export type KeptAed = Omit<NearbyAed, 'distanceMeters' | 'walkingMinutes' | 'roundTripMinutes' | 'photo'> & {
  /** When this device was last in a list the phone loaded (ISO). */
  seenAt: string
}
export type KeptAeds = { version: 1; items: KeptAed[] }

/** Enough for a person's own neighbourhoods; far fewer bytes than WeChat's 1 MB per storage key. */
export const KEPT_AEDS_MAX = 200

/** What the phone keeps, the list just loaded replacing older sightings of the same devices; the least recently seen go first. */
export function keepAeds(kept: KeptAeds | null, items: readonly NearbyAed[], now: Date): KeptAeds {
  const seenAt = now.toISOString()
  const byId = new Map((kept?.items ?? []).map((aed) => [aed._id, aed]))
  for (const { distanceMeters: _d, walkingMinutes: _w, roundTripMinutes: _r, photo: _p, ...aed } of items) {
    byId.delete(aed._id)
    byId.set(aed._id, { ...aed, seenAt })
  }
  const all = [...byId.values()].sort((a, b) => (a.seenAt < b.seenAt ? 1 : a.seenAt > b.seenAt ? -1 : 0))
  return { version: 1, items: all.slice(0, KEPT_AEDS_MAX) }
}

/** What storage answered, if it is a list this version kept (anything else is ignored, never trusted). */
export function readKept(stored: unknown): KeptAeds | null {
  if (!stored || typeof stored !== 'object') return null
  const { version, items } = stored as Partial<KeptAeds>
  return version === 1 && Array.isArray(items) ? { version, items } : null
}

/**
 * The usable AEDs nearest `from` within `radiusMeters`, ranked as the emergency screen ranks live
 * ones (forRescue), and the oldest sighting among them: the age the screen shows.
 */
export function nearestKept(kept: KeptAeds, from: LatLng, now: Date, { radiusMeters, count }: { radiusMeters: number; count: number }): { aeds: NearbyAed[]; seenAt: string | null } {
  const around = kept.items.flatMap(({ seenAt: _seen, ...aed }) => {
    const distanceMeters = Math.round(haversineMeters(from, aed.location))
    if (distanceMeters > radiusMeters) return []
    const openNow = isOpenAt(aed.openingHours, now)
    return [{ ...aed, openNow, distanceMeters, walkingMinutes: walkingMinutes(distanceMeters), roundTripMinutes: roundTripMinutes(distanceMeters), photo: null }]
  })
  const aeds = forRescue(around, count)
  const seen = new Map(kept.items.map((aed) => [aed._id, aed.seenAt]))
  const seenAt = aeds.reduce<string | null>((oldest, aed) => {
    const at = seen.get(aed._id) ?? null
    return oldest === null || (at !== null && at < oldest) ? at : oldest
  }, null)
  return { aeds, seenAt }
}

/** How old the kept list is, in plain words: 刚刚, 5分钟前, 3小时前, 2天前. */
export function describeAge(seenAt: string, now: Date): string {
  const minutes = Math.floor((now.getTime() - new Date(seenAt).getTime()) / 60_000)
  if (minutes < 1) return '刚刚'
  if (minutes < 60) return `${minutes}分钟前`
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)}小时前`
  return `${Math.floor(minutes / (24 * 60))}天前`
}
