import { DEFAULT_INSPECTION_CYCLE } from '@/domain/aed/inspection'
import type { LatLng } from '@/domain/geo'
import type { AlertAed } from '@/domain/rescue/contract'
import type { RoleAed } from '@/domain/rescue/rules'
import { _ } from '../_kit/cloud'
import { aeds, openReportsOf, point, toNearby, type PublicAedDoc } from '../aed/aeds'
import { cyclesOf } from '../aed/cycles'

/** AEDs farther than this from the patient are no use to a responder on foot (5 min there and back at 2 m/s is 600 m; we look a little wider). */
const AED_SEARCH_METERS = 1000
const AED_CANDIDATES = 20

export type RescueAed = RoleAed & AlertAed

/**
 * The verified AEDs near the patient with their readiness and hours now, from the AED area's own
 * rules (readiness, openNow): the role decision sends nobody to one out of service or closed.
 */
export async function aedsNear(patient: LatLng): Promise<RescueAed[]> {
  const { data } = await aeds()
    .where({ verified: true, location: _.geoNear({ geometry: point(patient.latitude, patient.longitude), maxDistance: AED_SEARCH_METERS }) })
    .limit(AED_CANDIDATES)
    .get<PublicAedDoc>()
  if (!data.length) return []
  const [open, cycles] = await Promise.all([openReportsOf(data.map((doc) => doc._id)), cyclesOf(data.map((doc) => doc.communityId))])
  const now = new Date()
  return data.map((doc) => {
    const nearby = toNearby(doc, patient, open.get(doc._id) ?? [], cycles.get(doc.communityId)?.cycle ?? DEFAULT_INSPECTION_CYCLE, now)
    return { _id: nearby._id, name: nearby.name, location: nearby.location, address: nearby.address, landmark: nearby.landmark, readiness: nearby.readiness, openNow: nearby.openNow }
  })
}

export const toAlertAed = ({ _id, name, location, address, landmark }: RescueAed): AlertAed => ({ _id, name, location, address, landmark })
