import type { Community } from '@/domain/community/types'
import { haversineMeters } from '@/domain/geo'
import { maskName } from '@/domain/privacy'
import type { Accepter, AlertFigures, AlertView } from '@/domain/rescue/contract'
import { DEBRIEF_AFTER_MS, etaMinutes, nearestUsable, type RescueRole } from '@/domain/rescue/rules'
import { _, collections, db } from '../_kit/cloud'
import { ownedId } from '../_kit/ids'
import { aedsNear, toAlertAed, type RescueAed } from './aeds'
import { secondsBetween } from './lifecycle'
import { recipients, type AlertDoc, type RecipientDoc } from './store'

type VolunteerFacts = { openid: string; name: string; phone: string }

async function volunteersOf(openids: string[]): Promise<Map<string, VolunteerFacts>> {
  if (!openids.length) return new Map()
  const { data } = await db.collection(collections.volunteers).where({ _id: _.in(openids.map((openid) => ownedId('vo', openid))) }).field({ openid: true, name: true, phone: true }).get<VolunteerFacts>()
  return new Map(data.map((v) => [v.openid, v]))
}

export async function acceptersOf(alertId: string): Promise<RecipientDoc[]> {
  const { data } = await recipients().where({ alertId, answer: 'accepted' }).limit(100).get<RecipientDoc>()
  return data.sort((a, b) => new Date(a.answeredAt ?? 0).getTime() - new Date(b.answeredAt ?? 0).getTime())
}

async function psychContactOf(communityId: string): Promise<string | null> {
  const { data } = await db.collection(collections.communities).where({ _id: communityId }).field({ psychSupportContact: true }).get<Pick<Community, 'psychSupportContact'>>()
  return data[0]?.psychSupportContact ?? null
}

export type AcceptersWithPeople = { accepted: RecipientDoc[]; people: Map<string, VolunteerFacts> }

/** The accepters in the order they accepted, with their names and phones (a second read, by their ids). */
export async function acceptersWithPeople(alertId: string): Promise<AcceptersWithPeople> {
  const accepted = await acceptersOf(alertId)
  const people = await volunteersOf(accepted.map((r) => r.openid).filter((openid): openid is string => !!openid))
  return { accepted, people }
}

/**
 * The alert as one person may see it (issue #22, privacy): nobody learns who raised it; the
 * position and note go to the raiser and to accepters, only while it is open; responders' places
 * are never shown (only a distance); accepters' names are masked, their phone goes to the raiser
 * only, to call them. `mine` is the responder's own part. The accepters, the AEDs and the 心理援建
 * contact are read side by side; `aeds` and `people` are those reads when the caller started them
 * already.
 */
export async function viewOf(
  alert: AlertDoc,
  viewer: { openid: string; recipient: RecipientDoc | null },
  { now = new Date(), aeds: nearby, people: known }: { now?: Date; aeds?: Promise<RescueAed[]> | null; people?: Promise<AcceptersWithPeople> } = {},
): Promise<AlertView> {
  const isRaiser = !!alert.raiserOpenid && alert.raiserOpenid === viewer.openid
  const mine = viewer.recipient
  const open = alert.status === 'open'
  const accepter = mine?.answer === 'accepted'
  const seesScene = open && (isRaiser || accepter) && !!alert.location
  // AEDs are read only when one is to be named: the responder's own, or one for bystanders while nobody fetches one.
  const [found, aeds, psychSupportContact] = await Promise.all([
    open && (isRaiser || accepter) ? (known ?? acceptersWithPeople(alert._id)) : { accepted: [], people: new Map<string, VolunteerFacts>() },
    seesScene && (!alert.aedBy || mine?.aedId) ? (nearby ?? aedsNear(alert.location!)) : [],
    accepter && !open ? psychContactOf(alert.communityId) : null,
  ])
  const { people } = found
  // The caller's own record as this call left it (a role just given may not be read back yet).
  const accepted = found.accepted.map((r) => (mine && r._id === mine._id ? mine : r))
  const accepters: Accepter[] = accepted.map((r) => {
    const person = r.openid ? people.get(r.openid) : undefined
    return {
      name: person ? maskName(person.name) : '救护员',
      role: r.role ?? 'support',
      distanceMeters: r.distanceMeters,
      etaMinutes: etaMinutes(r.distanceMeters),
      aedFetched: !!r.aedFetchedAt,
      arrived: !!r.arrivedAt,
      phone: isRaiser ? person?.phone ?? null : null,
    }
  })
  const myAed = mine?.aedId ? aeds.find((aed) => aed._id === mine.aedId) ?? null : null
  // With nobody sent for an AED, bystanders fetch the nearest usable one (issue #22).
  const bystander = seesScene && !alert.aedBy ? nearestUsable(alert.location!, aeds) : null
  const closedFor = alert.closedAt ? now.getTime() - new Date(alert.closedAt).getTime() : 0
  const debriefDue = accepter && !open && !mine.debrief && closedFor >= DEBRIEF_AFTER_MS && !alert.erased
  return {
    _id: alert._id,
    kind: alert.kind,
    drill: alert.drill,
    status: alert.status,
    closedBy: alert.closedBy,
    raisedAt: new Date(alert.raisedAt).toISOString(),
    closedAt: alert.closedAt ? new Date(alert.closedAt).toISOString() : null,
    alerted: alert.alerted,
    widened: !!alert.widenedAt,
    viewer: isRaiser ? 'raiser' : 'responder',
    location: seesScene ? alert.location : null,
    note: seesScene ? alert.note : null,
    accepters,
    mine: mine
      ? {
          answer: mine.answer,
          role: mine.role,
          distanceMeters: mine.distanceMeters,
          aed: myAed && open ? toAlertAed(myAed) : null,
          aedFetched: !!mine.aedFetchedAt,
          arrived: !!mine.arrivedAt,
          debrief: mine.debrief ? { arrivedBefore120: mine.debrief.arrivedBefore120, cprGiven: mine.debrief.cprGiven, aedUsed: mine.debrief.aedUsed } : null,
          debriefDue,
        }
      : null,
    bystanderAed: bystander ? { ...toAlertAed(bystander), distanceMeters: Math.round(haversineMeters(alert.location!, bystander.location)) } : null,
    psychSupportContact,
  }
}

/** The earliest of these moments, or null. */
const earliest = (moments: ReadonlyArray<Date | null>): Date | null =>
  moments.reduce<Date | null>((first, at) => (at && (!first || new Date(at).getTime() < new Date(first).getTime()) ? at : first), null)

/**
 * What staff see of an alert: anonymous figures only. The first accept and the first arrival are
 * the accepters' own times (kept after the 24 h erasure), so neither an accept nor an arrival
 * writes a figure of its own on the alert.
 */
export function figuresOf(alert: AlertDoc, accepted: ReadonlyArray<Pick<RecipientDoc, 'role' | 'answeredAt' | 'arrivedAt'>>): AlertFigures {
  const roles: Partial<Record<RescueRole, number>> = {}
  for (const { role } of accepted) if (role) roles[role] = (roles[role] ?? 0) + 1
  return {
    _id: alert._id,
    communityId: alert.communityId,
    kind: alert.kind,
    drill: alert.drill,
    status: alert.status,
    closedBy: alert.closedBy,
    raisedAt: new Date(alert.raisedAt).toISOString(),
    alerted: alert.alerted,
    accepted: alert.accepted,
    roles,
    secondsToFirstAccept: secondsBetween(alert.raisedAt, earliest(accepted.map((r) => r.answeredAt))),
    secondsToFirstArrival: secondsBetween(alert.raisedAt, earliest(accepted.map((r) => r.arrivedAt))),
  }
}
