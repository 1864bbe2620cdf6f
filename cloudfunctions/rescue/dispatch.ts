import type { LatLng } from '@/domain/geo'
import { todayInChina } from '@/domain/dates'
import { eligibilityOf, MAX_RADIUS_METERS, matchResponders, type Match } from '@/domain/rescue/rules'
import { _, isDuplicateKey } from '../_kit/cloud'
import { notify } from '../_kit/notify'
import { mapWithCap } from '../_kit/parallel'
import { point } from '../aed/aeds'
import { announceAlerts } from './beacon'
import { certificatesOf } from './eligibility'
import { places, recipientId, recipients, type AlertDoc, type PlaceDoc, type RecipientDoc } from './store'

/** Places one geo query reads around the patient: 30 people with up to 3 places each, with room for the ineligible. */
const PLACE_CANDIDATES = 300
/** Alerts written and sent at once: each waits for WeChat's answer (100–300 ms). */
const SENDS_AT_ONCE = 30

/** The on-duty places within 2 km (the largest radius) of the patient, by the geo index. */
export async function placesNear(patient: LatLng): Promise<PlaceDoc[]> {
  const { data } = await places()
    .where({ onDuty: true, location: _.geoNear({ geometry: point(patient.latitude, patient.longitude), maxDistance: MAX_RADIUS_METERS }) })
    .limit(PLACE_CANDIDATES)
    .get<PlaceDoc>()
  return data
}

/**
 * The responders to alert: on-duty places within 2 km (`near`, when the caller read them beside
 * its own reads), then each person's own radius (or the widened one), eligibility of today
 * (certificates in one read; staff-verified medics), never the raiser or those already alerted,
 * nearest 30.
 */
export async function findResponders(patient: LatLng, opts: { raiser: string; widened: boolean; exclude?: ReadonlySet<string> }, near?: PlaceDoc[]): Promise<Match[]> {
  const data = near ?? (await placesNear(patient))
  const medics = new Set(data.filter((place) => place.medic).map((place) => place.openid))
  const needCertificate = [...new Set(data.map((place) => place.openid))].filter((openid) => !medics.has(openid) && openid !== opts.raiser && !opts.exclude?.has(openid))
  const certificates = await certificatesOf(needCertificate)
  const today = todayInChina()
  return matchResponders(patient, data, {
    ...opts,
    eligible: (openid) => eligibilityOf(certificates.get(openid) ?? [], medics.has(openid), today).eligible,
  })
}

/**
 * Writes each match's recipient record (a deterministic id: a retry adds nobody twice) and tells
 * them: the inbox, and a subscribe message while they hold a grant, sent now. Not through the
 * outbox: waking it (`wakeJob`) only marks it due for the scheduler's next timer run, up to 5
 * minutes away, and an emergency cannot wait that long. The message is grouped under the
 * recipient id, so a retried raise sends nothing twice; record and message are written side by
 * side (both keyed by the recipient), and so is the move of the count on-duty apps watch
 * (beacon.ts: an app that sees it move asks at that look and the next, so a record landing a
 * moment after it is still found).
 */
export async function alertResponders(alert: Pick<AlertDoc, '_id' | 'kind' | 'drill'>, matches: readonly Match[], at: Date): Promise<void> {
  if (matches.length === 0) return
  await Promise.all([
    announceAlerts(),
    mapWithCap(matches, SENDS_AT_ONCE, async ({ openid, distanceMeters }) => {
      const _id = recipientId(alert._id, openid)
      const doc: RecipientDoc = { _id, alertId: alert._id, openid, distanceMeters, answer: 'alerted', role: null, aedId: null, alertedAt: at, answeredAt: null, aedFetchedAt: null, arrivedAt: null, debrief: null }
      const record = recipients()
        .add({ data: doc })
        .catch((error: unknown) => {
          if (!isDuplicateKey(error)) throw error
        })
      await Promise.all([record, notify(openid, 'rescue_alert', { alertId: alert._id, kind: alert.kind, drill: alert.drill, step: 'alert', distanceMeters, at }, { groupId: `${_id}-alert` })])
    }),
  ])
}
