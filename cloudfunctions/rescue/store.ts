import type { LatLng } from '@/domain/geo'
import type { ResponderArea } from '@/domain/rescue/contract'
import type { AlertKind, Answer, ClosedBy, Profession, RescueRole } from '@/domain/rescue/rules'
import { nextDueAt } from '@/domain/rescue/rules'
import { AppError } from '@/domain/errors'
import { collections, db } from '../_kit/cloud'
import { ownedId } from '../_kit/ids'

/** Staff's record that they saw a volunteer's licence offline (issue #22): who, when, what. */
export type MedicRecord = { profession: Profession; note: string; by: string; at: Date; communityId: string }

/** One per person (`ownedId('rp', openid)`): consent, chosen places, radius, duty, a medic verification. */
export type ResponderDoc = {
  _id: string
  openid: string
  enrolled: boolean
  consentAt: Date | null
  onDuty: boolean
  areas: ResponderArea[]
  radiusMeters: number
  medic: MedicRecord | null
  answered: number
}

/**
 * Each chosen place as its own document with a geo point, so matching is one geo query around the
 * patient (served by the 2dsphere index), never a scan of all responders. Ids `<responderId>-<n>`.
 */
export type PlaceDoc = { _id: string; openid: string; location: LatLng; radiusMeters: number; onDuty: boolean; medic: boolean }

export type AlertDoc = {
  _id: string
  /** Erased (null) 24 h after closing, with the position and note. */
  raiserOpenid: string | null
  communityId: string
  kind: AlertKind
  drill: boolean
  location: LatLng | null
  note: string | null
  status: 'open' | 'closed'
  raisedAt: Date
  widenedAt: Date | null
  closedAt: Date | null
  closedBy: ClosedBy | null
  alerted: number
  accepted: number
  /** Recipient ids holding the patient and AED roles (each claimed once, by a conditional update). */
  patientBy: string | null
  aedBy: string | null
  debriefed: boolean
  erased: boolean
  /** When the scheduler next owes this alert something (close, debrief, erase); null when nothing. */
  dueAt: Date | null
}

export type RecipientDoc = {
  _id: string
  alertId: string
  /** Erased 24 h after closing. */
  openid: string | null
  distanceMeters: number
  answer: Answer
  role: RescueRole | null
  aedId: string | null
  alertedAt: Date
  answeredAt: Date | null
  aedFetchedAt: Date | null
  arrivedAt: Date | null
  debrief: { arrivedBefore120: boolean; cprGiven: boolean; aedUsed: boolean; at: Date } | null
}

export const responders = () => db.collection(collections.responders)
export const places = () => db.collection(collections.responderPlaces)
export const alerts = () => db.collection(collections.rescueAlerts)
export const recipients = () => db.collection(collections.rescueRecipients)

export const responderId = (openid: string) => ownedId('rp', openid)
export const recipientId = (alertId: string, openid: string) => ownedId('rr', `${alertId}:${openid}`)
export const placeIds = (openid: string) => [0, 1, 2].map((n) => `${responderId(openid)}-${n}`)

export async function findResponder(openid: string): Promise<ResponderDoc | null> {
  const { data } = await responders().where({ _id: responderId(openid) }).get<ResponderDoc>()
  return data[0] ?? null
}

export async function findAlert(alertId: string): Promise<AlertDoc | null> {
  const { data } = await alerts().where({ _id: alertId }).get<AlertDoc>()
  return data[0] ?? null
}

export async function requireAlert(alertId: string): Promise<AlertDoc> {
  const alert = await findAlert(alertId)
  if (!alert) throw new AppError('NOT_FOUND', '没有找到这条呼救')
  return alert
}

export async function findRecipient(alertId: string, openid: string): Promise<RecipientDoc | null> {
  const { data } = await recipients().where({ _id: recipientId(alertId, openid) }).get<RecipientDoc>()
  return data[0] ?? null
}

export const dueOf = (alert: Pick<AlertDoc, 'status' | 'raisedAt' | 'closedAt' | 'debriefed' | 'erased'>) =>
  nextDueAt({ ...alert, raisedAt: new Date(alert.raisedAt), closedAt: alert.closedAt ? new Date(alert.closedAt) : null })
