import { haversineMeters, type LatLng } from '../geo'
import { certifiesOn } from '../firstaid/training'

/**
 * 紧急呼 (issue #22): responders are matched by up to three places they chose (WeChat gives no
 * background location), within their own radius of the patient. Radii follow the programmes the
 * issue cites: Stockholm's 500 m alerts (Ringh et al., NEJM 2015), GoodSAM's 500 m–1 km, 杭州's
 * 1 km circles; 1 km by default, 2 km at most.
 */
export const DEFAULT_RADIUS_METERS = 1000
export const MAX_RADIUS_METERS = 2000
/** Issue #22: if nobody accepts within 90 s the radius widens once to 2 km. */
export const WIDEN_AFTER_MS = 90_000
export const WIDENED_RADIUS_METERS = 2000
/** Issue #22: the nearest few, at most 30 per alert. */
export const MAX_ALERTED = 30
export const MAX_AREAS = 3
/** Issue #22: an alert closes itself after 60 minutes. */
export const AUTO_CLOSE_MS = 60 * 60_000
/** Issue #22: 90 minutes after closing each accepter gets the debrief. */
export const DEBRIEF_AFTER_MS = 90 * 60_000
/** Issue #22 (privacy): 24 h after closing only anonymous figures stay. */
export const ERASE_AFTER_MS = 24 * 60 * 60_000
/** Issue #22: responders on foot cover about 2 m/s (120 m a minute). */
export const RESPONDER_METERS_PER_MINUTE = 120

/** Issue #22: "a brand-new account at most 2 a day"; brand-new = created less than 7 days ago (our reading). */
export const BRAND_NEW_DAYS = 7
export const NEW_ACCOUNT_RAISES_PER_DAY = 2
/** Everyone else: a real emergency rarely comes twice a day; more waits for staff review of abuse. */
export const RAISES_PER_DAY = 5

export const ALERT_KINDS = { cardiac_arrest: '心脏骤停', choking: '气道梗阻', bleeding: '大出血', other: '其他急症' } as const
export type AlertKind = keyof typeof ALERT_KINDS
export const PROFESSIONS = { doctor: '医生', nurse: '护士', paramedic: '急救员', other: '其他医务人员' } as const
export type Profession = keyof typeof PROFESSIONS
export const OUTCOMES = { ems_arrived: '120已到达', recovered: '患者已恢复', false_alarm: '误报', cancelled: '已取消' } as const
export type Outcome = keyof typeof OUTCOMES
export const AUTO_CLOSED = 'timed_out' as const
export type ClosedBy = Outcome | typeof AUTO_CLOSED

/** The first accepter goes to the patient; one later accepter nearer to a usable AED fetches it; others help at the patient. */
export type RescueRole = 'patient' | 'aed' | 'support'
export const ROLE_LABELS: Record<RescueRole, string> = { patient: '赶往患者身边', aed: '去取AED', support: '赶往现场协助' }
export type Answer = 'alerted' | 'accepted' | 'declined'
export type Step = 'aed_fetched' | 'arrived'

export const etaMinutes = (meters: number): number => Math.max(1, Math.ceil(meters / RESPONDER_METERS_PER_MINUTE))

/** Whether an account counts as brand-new on `now`. */
export function isBrandNew(createdAt: Date | string | undefined, now: Date): boolean {
  if (!createdAt) return true
  return now.getTime() - new Date(createdAt).getTime() < BRAND_NEW_DAYS * 24 * 60 * 60_000
}

export const raisesPerDay = (createdAt: Date | string | undefined, now: Date): number =>
  isBrandNew(createdAt, now) ? NEW_ACCOUNT_RAISES_PER_DAY : RAISES_PER_DAY

export type Ineligible = 'no_certificate' | 'certificate_pending' | 'certificate_lapsed'
export const INELIGIBLE_LABELS: Record<Ineligible, string> = {
  no_certificate: '还没有登记救护员证，也没有经社区核验的医务人员身份',
  certificate_pending: '救护员证号待工作人员补录，补录后即可参加',
  certificate_lapsed: '救护员证已过期，复训取证后即可参加',
}

/**
 * Who may respond (issue #22): a valid 救护员证 recorded in the app (a 待补录 one does not count;
 * a lapsed one ends eligibility on its expiry date), or staff's verification as a medical worker.
 */
export function eligibilityOf(
  certificates: ReadonlyArray<{ number: string | null; validUntil: string }>,
  medic: boolean,
  today: string,
): { eligible: true } | { eligible: false; why: Ineligible } {
  if (medic || certificates.some((c) => certifiesOn(c, today))) return { eligible: true }
  if (certificates.some((c) => !c.number && c.validUntil >= today)) return { eligible: false, why: 'certificate_pending' }
  return { eligible: false, why: certificates.length ? 'certificate_lapsed' : 'no_certificate' }
}

/** One of a responder's chosen places near the patient (what the geo query found). */
export type PlaceHit = { openid: string; location: LatLng; radiusMeters: number }
export type Match = { openid: string; distanceMeters: number }

/**
 * Who is alerted: each responder once (by their nearest place), within their own radius (or the
 * widened radius, when larger), never the person raising it, nearest first, at most 30.
 * `eligible` is decided by the caller from the certificates and verifications of today.
 */
export function matchResponders(patient: LatLng, hits: readonly PlaceHit[], opts: { raiser: string; widened: boolean; eligible: (openid: string) => boolean; exclude?: ReadonlySet<string> }): Match[] {
  const nearest = new Map<string, number>()
  for (const hit of hits) {
    if (hit.openid === opts.raiser || opts.exclude?.has(hit.openid)) continue
    const distance = haversineMeters(patient, hit.location)
    const reach = opts.widened ? Math.max(hit.radiusMeters, WIDENED_RADIUS_METERS) : hit.radiusMeters
    if (distance > reach) continue
    const before = nearest.get(hit.openid)
    if (before === undefined || distance < before) nearest.set(hit.openid, distance)
  }
  return [...nearest.entries()]
    .filter(([openid]) => opts.eligible(openid))
    .map(([openid, distanceMeters]) => ({ openid, distanceMeters: Math.round(distanceMeters) }))
    .sort((a, b) => a.distanceMeters - b.distanceMeters || (a.openid < b.openid ? -1 : 1))
    .slice(0, MAX_ALERTED)
}

/** A usable AED for the role decision: ready (not merely warned) and open now. */
export type RoleAed = { _id: string; name: string; location: LatLng; readiness: 'ready' | 'warning' | 'out_of_service'; openNow: boolean }

/** Ready and open: the only AEDs a responder is ever sent for. */
export const usableForRole = (aed: Pick<RoleAed, 'readiness' | 'openNow'>): boolean => aed.readiness === 'ready' && aed.openNow

/**
 * The role of an accepter (issue #22, on Heartrunner's split between the patient and the AED):
 * the first goes to the patient; a later one is sent for a ready, open AED when that AED is nearer
 * to them than the patient is (the detour costs less than it saves), and only while nobody else
 * fetches one; everyone else helps at the patient (swapping compressions).
 */
export function chooseRole(input: { first: boolean; aedTaken: boolean; accepter: LatLng; patient: LatLng; aeds: readonly RoleAed[] }): { role: RescueRole; aed: RoleAed | null } {
  if (input.first) return { role: 'patient', aed: null }
  if (!input.aedTaken) {
    const toPatient = haversineMeters(input.accepter, input.patient)
    const best = input.aeds
      .filter(usableForRole)
      .map((aed) => ({ aed, toAed: haversineMeters(input.accepter, aed.location), via: haversineMeters(input.accepter, aed.location) + haversineMeters(aed.location, input.patient) }))
      .filter(({ toAed }) => toAed < toPatient)
      .sort((a, b) => a.via - b.via)[0]
    if (best) return { role: 'aed', aed: best.aed }
  }
  return { role: 'support', aed: null }
}

/** The nearest usable AED to the patient, for bystanders to fetch when no responder does. */
export function nearestUsable<T extends RoleAed>(patient: LatLng, aeds: readonly T[]): T | null {
  return aeds.filter(usableForRole).sort((a, b) => haversineMeters(patient, a.location) - haversineMeters(patient, b.location))[0] ?? null
}

/** What the scheduler (or a read) still owes an alert, and when. */
export function nextDueAt(alert: { status: 'open' | 'closed'; raisedAt: Date; closedAt: Date | null; debriefed: boolean; erased: boolean }): Date | null {
  if (alert.status === 'open') return new Date(alert.raisedAt.getTime() + AUTO_CLOSE_MS)
  if (!alert.closedAt) return null
  if (!alert.debriefed) return new Date(alert.closedAt.getTime() + DEBRIEF_AFTER_MS)
  if (!alert.erased) return new Date(alert.closedAt.getTime() + ERASE_AFTER_MS)
  return null
}
