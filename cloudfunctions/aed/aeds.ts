import { todayInChina } from '@/domain/dates'
import { haversineMeters, walkingMinutes } from '@/domain/geo'
import type { AedDetail, AedReport, NearbyAed, Placement, ReportKind } from '@/domain/aed/contract'
import { describeHours, isOpenAt, type OpeningHours } from '@/domain/aed/hours'
import { followUpsOf, type Checklist, type InspectionCycle } from '@/domain/aed/inspection'
import { ATTENTION_KINDS, readinessOf, REASON_LABELS, roundTripMinutes, type AedStatus, type OpenReport } from '@/domain/aed/readiness'
import type { Standing } from '@/domain/aed/standing'
import { AppError } from '@/domain/errors'
import { maskName } from '@/domain/privacy'
import { _, collections, db } from '../_kit/cloud'
import { toIso } from '../_kit/dates'
import { shownPhotoUrls, type CheckedPhoto } from '../_kit/photo-checks'

type GeoPoint = { latitude: number; longitude: number }

/**
 * The `aeds` document. `location` is a db.Geo.Point in GCJ-02 (what WeChat's
 * getLocation({ type: 'gcj02' }) answers and openLocation expects), indexed for geoNear.
 */
export type AedDoc = {
  _id: string
  name: string
  communityId: string
  location: GeoPoint
  address: string
  landmark: string
  /** Placement, hours and expiry dates are null on a suggestion until staff verify it with the real ones. */
  placement: Placement | null
  floor: string
  hours: OpeningHours | null
  accessNotes: string
  /** Absent on devices recorded before it existed. */
  accessPhone?: string | null
  model: string
  guardianOrg: string
  guardianOpenid: string | null
  padsExpiry: string | null
  batteryExpiry: string | null
  lastInspection: string | null
  /** What the last inspection saw; absent on devices inspected before the checklist existed. */
  lastChecklist?: Checklist | null
  /** `maintenance` after an inspection found it faulty; reports count through `aedReports`, not here. */
  status: AedStatus
  /** Suggestions from residents stay hidden until staff verify them. */
  verified: boolean
  /** A suggestion's photo, shown once its content check passed. */
  photo: CheckedPhoto | null
  history: Array<{ at: Date; event: string; by: string; byName: string; note?: string }>
  /** Who suggested it (suggest.ts); absent on devices staff registered or imported, and on suggestions older than the field. */
  suggestedBy?: string
  /**
   * Set when the suggester withdrew it (actions/mine.ts). A withdrawn suggestion is nobody's to
   * check: its `communityId` is emptied (the community kept in `withdrawnFrom`), so every staff
   * list, count and 需要处理 branch, all scoped by community, drop it.
   */
  withdrawnAt?: Date
  withdrawnFrom?: string
  createdAt: Date
}

export const aeds = () => db.collection(collections.aeds)
export const reports = () => db.collection(collections.aedReports)

/** The AED, or null (a read that never fails on a missing one: for a preload). */
export async function findAed(aedId: string): Promise<AedDoc | null> {
  const { data } = await aeds().where({ _id: aedId }).limit(1).get<AedDoc>()
  return data[0] ?? null
}

export async function requireAed(aedId: string): Promise<AedDoc> {
  const found = await findAed(aedId)
  if (!found) throw new AppError('NOT_FOUND', '没有找到这台AED')
  return found
}

export const point = (latitude: number, longitude: number) => new db.Geo.Point(longitude, latitude)

/** A verified AED: placement, hours and expiry dates are recorded. */
export type PublicAedDoc = AedDoc & { placement: Placement; hours: OpeningHours; padsExpiry: string; batteryExpiry: string }

/**
 * The open reports that speak against each of these AEDs (fault, used, position, locked), in one
 * request: readiness follows the reports nobody has checked yet. A report stored before standing
 * was recorded counts as one without standing: it warns, and keeps the device in the list.
 */
export async function openReportsOf(aedIds: string[]): Promise<Map<string, OpenReport[]>> {
  const found = new Map<string, OpenReport[]>(aedIds.map((id) => [id, []]))
  if (aedIds.length === 0) return found
  const { data } = await reports()
    .where({ aedId: _.in(aedIds), status: 'open', kind: _.in(ATTENTION_KINDS) })
    .field({ aedId: true, kind: true, standing: true })
    .limit(1000)
    .get<{ aedId: string; kind: ReportKind; standing?: Standing | null }>()
  for (const { aedId, kind, standing } of data) found.get(aedId)?.push({ kind, confirmed: !!standing })
  return found
}

/** Readiness, reasons and whether it is open now: part of every answer about an AED. */
function readinessFields(doc: AedDoc, openReports: readonly OpenReport[], inspectionCycle: InspectionCycle, now: Date) {
  const { readiness, reasons } = readinessOf({ ...doc, openReports, inspectionCycle }, todayInChina(now))
  return {
    readiness,
    reasons: reasons.map((reason) => REASON_LABELS[reason]),
    warnings: reasons,
    openNow: doc.hours ? isOpenAt(doc.hours, now) : false,
    hours: doc.hours ? describeHours(doc.hours) : '未登记',
    status: doc.status,
  }
}

/** `photo`: the link to its passed photo (shownPhotoUrls), asked for the whole list at once by the caller. */
export function toNearby(doc: PublicAedDoc, from: GeoPoint, openReports: readonly OpenReport[], inspectionCycle: InspectionCycle, now = new Date(), photo: string | null = null): NearbyAed {
  const distanceMeters = Math.round(haversineMeters(from, doc.location))
  return {
    _id: doc._id,
    name: doc.name,
    location: { latitude: doc.location.latitude, longitude: doc.location.longitude },
    distanceMeters,
    walkingMinutes: walkingMinutes(distanceMeters),
    roundTripMinutes: roundTripMinutes(distanceMeters),
    address: doc.address,
    landmark: doc.landmark,
    placement: doc.placement,
    floor: doc.floor,
    openingHours: doc.hours,
    photo,
    ...readinessFields(doc, openReports, inspectionCycle, now),
  }
}

/** Where the AED belongs and what its community asks of it. */
export type Keeping = { communityName: string; inspectionCycle: InspectionCycle }

/** `shownReports` in full for those who look after it (`canManage`), empty for everyone else. */
export async function toDetail(doc: AedDoc, { communityName, inspectionCycle }: Keeping, shownReports: AedReport[], openCount: number, openReports: readonly OpenReport[], canManage: boolean): Promise<AedDetail> {
  const [photo] = await shownPhotoUrls([doc.photo])
  return {
    _id: doc._id,
    name: doc.name,
    location: { latitude: doc.location.latitude, longitude: doc.location.longitude },
    address: doc.address,
    landmark: doc.landmark,
    placement: doc.placement,
    floor: doc.floor,
    ...readinessFields(doc, openReports, inspectionCycle, new Date()),
    openingHours: doc.hours,
    communityId: doc.communityId,
    communityName,
    accessNotes: doc.accessNotes,
    accessPhone: doc.accessPhone ?? null,
    model: doc.model,
    guardianOrg: doc.guardianOrg,
    lastInspection: doc.lastInspection,
    lastChecklist: doc.lastChecklist ?? null,
    followUps: doc.lastChecklist ? followUpsOf(doc.lastChecklist) : [],
    afterUse: openReports.some((report) => report.kind === 'used'),
    inspectionCycle,
    padsExpiry: doc.padsExpiry,
    batteryExpiry: doc.batteryExpiry,
    photo,
    verified: doc.verified,
    // Staff appear by role; residents by full name only to those who look after the AED.
    history: doc.history.map(({ at, event, byName, note }) => ({
      at: toIso(at),
      event,
      by: canManage || byName.startsWith('工作人员') ? byName : maskName(byName),
      ...(note ? { note } : {}),
    })),
    openReports: openCount,
    canManage,
    reports: canManage ? shownReports : [],
  }
}
