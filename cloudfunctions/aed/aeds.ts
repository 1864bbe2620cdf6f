import { todayInChina } from '@/domain/dates'
import { haversineMeters, walkingMinutes } from '@/domain/geo'
import type { AedDetail, AedReport, NearbyAed } from '@/domain/aed/contract'
import { describeHours, isOpenAt, type OpeningHours } from '@/domain/aed/hours'
import { warningsOf, type AedStatus } from '@/domain/aed/readiness'
import { AppError } from '@/domain/errors'
import { maskName } from '@/domain/privacy'
import { cloud, collections, db } from '../_kit/cloud'
import { toIso } from '../_kit/dates'

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
  placement: 'indoor' | 'outdoor'
  floor: string
  hours: OpeningHours
  accessNotes: string
  model: string
  guardianOrg: string
  guardianOpenid: string | null
  padsExpiry: string
  batteryExpiry: string
  lastInspection: string | null
  status: AedStatus
  /** Suggestions from residents stay hidden until staff verify them. */
  verified: boolean
  photo: string | null
  history: Array<{ at: Date; event: string; by: string; byName: string; note?: string }>
  createdAt: Date
}

export const aeds = () => db.collection(collections.aeds)
export const reports = () => db.collection(collections.aedReports)

export async function requireAed(aedId: string): Promise<AedDoc> {
  const { data } = await aeds().where({ _id: aedId }).limit(1).get<AedDoc>()
  if (!data[0]) throw new AppError('NOT_FOUND', '没有找到这台AED')
  return data[0]
}

export const point = (latitude: number, longitude: number) => new db.Geo.Point(longitude, latitude)

export function toNearby(doc: AedDoc, from: GeoPoint, now = new Date()): NearbyAed {
  const distanceMeters = Math.round(haversineMeters(from, doc.location))
  return {
    _id: doc._id,
    name: doc.name,
    location: { latitude: doc.location.latitude, longitude: doc.location.longitude },
    distanceMeters,
    walkingMinutes: walkingMinutes(distanceMeters),
    address: doc.address,
    landmark: doc.landmark,
    placement: doc.placement,
    floor: doc.floor,
    openNow: isOpenAt(doc.hours, now),
    hours: describeHours(doc.hours),
    status: doc.status,
    warnings: warningsOf(doc, todayInChina(now)),
  }
}

export async function toDetail(doc: AedDoc, communityName: string, openReports: AedReport[], canManage: boolean): Promise<AedDetail> {
  let photo: string | null = null
  if (doc.photo) {
    const { fileList } = (await cloud.getTempFileURL({ fileList: [doc.photo] })) as { fileList: Array<{ tempFileURL: string; status: number }> }
    photo = fileList[0]?.status === 0 ? fileList[0].tempFileURL : null
  }
  return {
    ...toNearby(doc, doc.location),
    openingHours: doc.hours,
    communityId: doc.communityId,
    communityName,
    accessNotes: doc.accessNotes,
    model: doc.model,
    guardianOrg: doc.guardianOrg,
    lastInspection: doc.lastInspection,
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
    openReports: openReports.length,
    canManage,
    reports: canManage ? openReports : [],
  }
}
