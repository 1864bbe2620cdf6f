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

/**
 * The responders to alert: on-duty places within 2 km (the largest radius) by the geo index,
 * then each person's own radius (or the widened one), eligibility of today (certificates in one
 * read; staff-verified medics), never the raiser or those already alerted, nearest 30.
 */
export async function findResponders(patient: LatLng, opts: { raiser: string; widened: boolean; exclude?: ReadonlySet<string> }): Promise<Match[]> {
  const { data } = await places()
    .where({ onDuty: true, location: _.geoNear({ geometry: point(patient.latitude, patient.longitude), maxDistance: MAX_RADIUS_METERS }) })
    .limit(PLACE_CANDIDATES)
    .get<PlaceDoc>()
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
 * Writes each match's recipient record (a deterministic id: a retry adds nobody twice), then tells
 * them: the count on-duty apps watch moves (beacon.ts), and each gets the inbox entry and a
 * subscribe message while they hold a grant, sent now (an emergency cannot wait for the outbox's
 * next run). The message is grouped under the recipient id, so a retried raise sends nothing twice.
 */
export async function alertResponders(alert: Pick<AlertDoc, '_id' | 'kind' | 'drill'>, matches: readonly Match[], at: Date): Promise<void> {
  const docs: RecipientDoc[] = matches.map(({ openid, distanceMeters }) => ({
    _id: recipientId(alert._id, openid), alertId: alert._id, openid, distanceMeters, answer: 'alerted', role: null, aedId: null, alertedAt: at, answeredAt: null, aedFetchedAt: null, arrivedAt: null, debrief: null,
  }))
  await mapWithCap(docs, SENDS_AT_ONCE, async (doc) => {
    try {
      await recipients().add({ data: doc })
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
    }
  })
  if (docs.length === 0) return
  await Promise.all([
    announceAlerts(),
    mapWithCap(matches, SENDS_AT_ONCE, ({ openid, distanceMeters }) =>
      notify(openid, 'rescue_alert', { alertId: alert._id, kind: alert.kind, drill: alert.drill, step: 'alert', distanceMeters, at }, { groupId: `${recipientId(alert._id, openid)}-alert` }),
    ),
  ])
}
