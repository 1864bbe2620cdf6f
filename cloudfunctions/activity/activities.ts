import type { ActivityView, HoursResult, MakeupRequest, MySignup, SignupStatus } from '@/domain/activity/contract'
import { activityStatus, checkInOpensAt, checkOutClosesAt } from '@/domain/activity/attendance'
import { closedToMinors, type ActivityInsurance, type ActivityType } from '@/domain/activity/rules'
import { AppError } from '@/domain/errors'
import { haversineMeters, type LatLng } from '@/domain/geo'
import type { UserDoc } from '@/domain/user/types'
import { _, collections, db } from '../_kit/cloud'
import { toIso } from '../_kit/dates'
import { signupIdOf } from './new-signup'

/**
 * The `activities` document. `seats` maps each person holding a place to the token of that seat,
 * so taking or releasing a place is one conditional update on this document.
 */
export type ActivityDoc = {
  _id: string
  title: string
  type: ActivityType
  description: string
  communityId: string
  communityName: string
  organiserOpenid: string
  organiserName: string
  location: { latitude: number; longitude: number; address: string }
  startAt: Date
  endAt: Date
  signupDeadline: Date
  capacity: number
  placesLeft: number
  seats: Record<string, string>
  hours: number
  checkInRadiusMeters: number
  minCoverage: number
  requiresCertificate: boolean
  /** Marked unfit for minors by the organiser (absent on activities published before the mark existed). */
  adultsOnly?: boolean
  /** The volunteers' 人身意外伤害保险 (条例 2017 第十七条); absent or null for kinds without personal risk. */
  insurance?: ActivityInsurance | null
  status: 'open' | 'cancelled'
  cancelReason: string | null
  /** Secret of the rotating check-in code; never leaves the function. */
  codeSecret: string
  createdAt: Date
}

export type StoredMakeup = Omit<MakeupRequest, 'arrivedAt' | 'leftAt' | 'requestedAt' | 'reviewedAt'> & {
  arrivedAt: Date
  leftAt: Date
  requestedAt: Date
  reviewedAt: Date | null
}

/** The `activitySignups` document, `_id` = `${activityId}:${openid}`: one per person per activity. */
export type SignupDoc = {
  _id: string
  activityId: string
  openid: string
  communityId: string
  /** Copied from the activity for "my activities" and the reminder timer. */
  startAt: Date
  endAt: Date
  status: SignupStatus
  /** The token of the seat this sign-up holds (or held, once cancelled). */
  seatToken: string
  signedUpAt: Date
  checkedInAt: Date | null
  checkedOutAt: Date | null
  checkInMethod: 'position' | 'code' | 'makeup' | null
  coverage: number | null
  creditedHours: number
  makeup: StoredMakeup | null
  reminded: boolean
  /**
   * When the organiser confirmed this attendance on the roster: what credits the hours (谁记录谁证明,
   * 民政部令第67号 2020). Absent on sign-ups checked out before confirmation existed: those were
   * credited at check-out and stand as recorded.
   */
  confirmedAt?: Date | null
  confirmedBy?: string | null
  /** The roster confirmation that confirmed it (one call's random mark): only that call tells the volunteer. */
  confirmRun?: string
}

export const activities = () => db.collection(collections.activities)
export const signups = () => db.collection(collections.activitySignups)


/** The community a sign-up belongs to, for the audit entry of a decision about it. */
export async function communityOfSignup(signupId: string): Promise<string | null> {
  const { data } = await signups().where({ _id: signupId }).limit(1).get<Pick<SignupDoc, 'communityId'>>()
  return data[0]?.communityId ?? null
}

export async function requireActivity(activityId: string): Promise<ActivityDoc> {
  const { data } = await activities().where({ _id: activityId }).limit(1).get<ActivityDoc>()
  if (!data[0]) throw new AppError('NOT_FOUND', '没有找到这个活动，可能已被删除')
  return data[0]
}

/**
 * Gives a seat back, only if it is still the one with this token: a late release from a cancel
 * can never free a seat taken again since.
 */
export async function releaseSeat(activityId: string, openid: string, token: string): Promise<void> {
  const seat = `seats.${openid}`
  await activities()
    .where({ _id: activityId, [seat]: token })
    .update({ data: { placesLeft: _.inc(1), [seat]: _.remove() } })
}

export async function findSignupById(signupId: string): Promise<SignupDoc | null> {
  const { data } = await signups().where({ _id: signupId }).limit(1).get<SignupDoc>()
  return data[0] ?? null
}

export const findSignup = (activityId: string, openid: string): Promise<SignupDoc | null> => findSignupById(signupIdOf(activityId, openid))

const isoOrNull = (d: Date | null) => (d ? toIso(d) : null)

function hoursResultOf(s: SignupDoc): HoursResult {
  if (s.status !== 'checked_out') return 'pending'
  if (s.creditedHours <= 0) return 'not_enough'
  return s.confirmedAt === null ? 'awaiting_confirmation' : 'credited'
}

export function toMySignup(s: SignupDoc): MySignup {
  return {
    status: s.status,
    signedUpAt: toIso(s.signedUpAt),
    checkedInAt: isoOrNull(s.checkedInAt),
    checkedOutAt: isoOrNull(s.checkedOutAt),
    coverage: s.coverage,
    hoursResult: hoursResultOf(s),
    creditedHours: s.creditedHours,
    makeup: s.makeup && {
      ...s.makeup,
      arrivedAt: toIso(s.makeup.arrivedAt),
      leftAt: toIso(s.makeup.leftAt),
      requestedAt: toIso(s.makeup.requestedAt),
      reviewedAt: isoOrNull(s.makeup.reviewedAt),
    },
  }
}

export const isStaffOf = (user: Pick<UserDoc, 'roles' | 'staffCommunityIds'> | null, communityId: string) =>
  !!user && user.roles.includes('staff') && user.staffCommunityIds.includes(communityId)

export function toView(doc: ActivityDoc, opts: { signup: SignupDoc | null; manageable: boolean; near?: LatLng; now?: Date }): ActivityView {
  const now = opts.now ?? new Date()
  return {
    _id: doc._id,
    title: doc.title,
    type: doc.type,
    description: doc.description,
    communityId: doc.communityId,
    communityName: doc.communityName,
    organiserName: doc.organiserName,
    location: doc.location,
    startAt: toIso(doc.startAt),
    endAt: toIso(doc.endAt),
    signupDeadline: toIso(doc.signupDeadline),
    capacity: doc.capacity,
    signedUp: doc.capacity - doc.placesLeft,
    placesLeft: doc.placesLeft,
    hours: doc.hours,
    checkInRadiusMeters: doc.checkInRadiusMeters,
    minCoverage: doc.minCoverage,
    requirements: { requiresCertificate: doc.requiresCertificate, adultsOnly: closedToMinors(doc) },
    insurance: doc.insurance ?? null,
    status: activityStatus(doc.status, doc.endAt, now),
    cancelReason: doc.cancelReason,
    checkInOpensAt: toIso(checkInOpensAt(doc)),
    checkOutClosesAt: toIso(checkOutClosesAt(doc)),
    mySignup: opts.signup && toMySignup(opts.signup),
    manageable: opts.manageable,
    distanceMeters: opts.near ? Math.round(haversineMeters(opts.near, doc.location)) : null,
  }
}

/** The caller's view of one activity, read fresh. */
export async function viewFor(activityId: string, openid: string, user: UserDoc | null, near?: LatLng): Promise<ActivityView> {
  const [doc, signup] = await Promise.all([requireActivity(activityId), findSignup(activityId, openid)])
  return toView(doc, { signup, manageable: isStaffOf(user, doc.communityId), near })
}

/** Views of many activities with the caller's sign-ups, in two reads. */
export async function viewsFor(docs: ActivityDoc[], openid: string, user: UserDoc | null, near?: LatLng): Promise<ActivityView[]> {
  if (docs.length === 0) return []
  const { data } = await signups()
    .where({ _id: _.in(docs.map((d) => signupIdOf(d._id, openid))) })
    .get<SignupDoc>()
  const mine = new Map(data.map((s) => [s.activityId, s]))
  return docs.map((doc) => toView(doc, { signup: mine.get(doc._id) ?? null, manageable: isStaffOf(user, doc.communityId), near }))
}

export const positionOf = (i: { latitude?: number; longitude?: number }): LatLng | undefined =>
  i.latitude !== undefined && i.longitude !== undefined ? { latitude: i.latitude, longitude: i.longitude } : undefined
