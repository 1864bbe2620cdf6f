import { youthBornAfter } from '@/domain/member/age'
import { readinessOf } from '@/domain/aed/readiness'
import type { AedStatus } from '@/domain/aed/readiness'
import type { Community } from '@/domain/community/types'
import { todayInChina } from '@/domain/dates'
import type { Figures } from '@/domain/stats/figures'
import { REGISTERED_VOLUNTEER_YEAR_HOURS } from '@/domain/volunteer/profile'
import { WISH_STATUSES } from '@/domain/wish/states'
import { _, collections, db } from '../_kit/cloud'
import { chinaDayEnd, chinaDayStart } from '../_kit/dates'
import { updateStats, type UpcomingActivity } from './store'

/** A 1,000-document page: CloudBase's most per request (a year of a busy station's ledger is a few pages). */
const PAGE = 1000
/** The upcoming activities kept for the home page. */
const UPCOMING = 5
/** Training sign-ups that mean the person came to the course (reached by training). */
const CAME = ['attended', 'passed', 'failed']

const count = async (collection: string, where: Record<string, unknown>) => (await db.collection(collection).where(where).count()).total

/** Service hours of the year by month, from the ledger (corrections are negative entries and count). */
async function hoursByMonth(communityId: string, year: number): Promise<number[]> {
  const months = Array.from({ length: 12 }, () => 0)
  const where = { communityId, serviceDate: _.gte(`${year}-01-01`).and(_.lte(`${year}-12-31`)) }
  for (let skip = 0; ; skip += PAGE) {
    const { data } = await db.collection(collections.hoursLedger).where(where).orderBy('serviceDate', 'asc').skip(skip).limit(PAGE).field({ hours: true, serviceDate: true }).get<{ hours: number; serviceDate: string }>()
    for (const entry of data) months[Number(entry.serviceDate.slice(5, 7)) - 1] += entry.hours
    if (data.length < PAGE) break
  }
  // Hours are kept to the half hour; the sum is rounded back so float noise never shows.
  return months.map((hours) => Math.round(hours * 10) / 10)
}

type AedRow = { status: AedStatus; verified: boolean; padsExpiry: string | null; batteryExpiry: string | null; lastInspection: string | null }

/** AEDs looked after by the community and those ready now (a station has dozens, one page). */
async function aedFigures(community: Pick<Community, '_id'>, today: string): Promise<{ aeds: number; aedsReady: number }> {
  const { data } = await db
    .collection(collections.aeds)
    .where({ communityId: community._id, verified: true })
    .limit(PAGE)
    .field({ status: true, verified: true, padsExpiry: true, batteryExpiry: true, lastInspection: true })
    .get<AedRow>()
  // Open problem reports and per-community inspection cycles are left out: the monthly default cycle applies.
  const ready = data.filter((aed) => readinessOf({ ...aed, openReports: [] }, today).readiness === 'ready')
  return { aeds: data.length, aedsReady: ready.length }
}

/** 紧急呼 of the year (a station has a few a month: one page), drills left out, and how many responders accepted them. */
async function rescueFigures(communityId: string, from: Date, to: Date): Promise<{ rescueAlerts: number; rescueResponses: number }> {
  const { data } = await db
    .collection(collections.rescueAlerts)
    .where({ communityId, raisedAt: _.gte(from).and(_.lte(to)) })
    .limit(PAGE)
    .field({ drill: true, accepted: true })
    .get<{ drill: boolean; accepted: number }>()
  const real = data.filter((alert) => !alert.drill)
  return { rescueAlerts: real.length, rescueResponses: real.reduce((sum, alert) => sum + alert.accepted, 0) }
}

async function upcomingActivities(communityId: string, now: Date): Promise<UpcomingActivity[]> {
  const { data } = await db
    .collection(collections.activities)
    .where({ communityId, startAt: _.gt(now) })
    .orderBy('startAt', 'asc')
    .limit(UPCOMING * 2)
    .field({ title: true, startAt: true, location: true, status: true })
    .get<{ _id: string; title: string; startAt: Date; status: string; location?: { address?: string } }>()
  return data.filter((a) => a.status !== 'cancelled').slice(0, UPCOMING).map((a) => ({ _id: a._id, title: a.title, startAt: new Date(a.startAt), address: a.location?.address ?? '' }))
}

/**
 * Derives one community's figures for the year from the data: counts served by indexes, the year's
 * ledger in pages, the AEDs and the fund head; about a dozen reads whatever the data's size.
 */
export async function figuresOf(community: Pick<Community, '_id' | 'name' | 'district'>, year: number, now = new Date()): Promise<{ figures: Figures; hoursByMonth: number[]; nextActivities: UpcomingActivity[] }> {
  const communityId = community._id
  const today = todayInChina(now)
  const from = chinaDayStart(`${year}-01-01`)
  const to = chinaDayEnd(`${year}-12-31`)
  const [members, youthMembers, volunteers, registeredVolunteers, months, wishesPosted, wishesCompleted, rescuers, reached, lessonsPassed, rescue, aeds, head, nextActivities] = await Promise.all([
    count(collections.applications, { communityId, status: 'approved' }),
    count(collections.applications, { communityId, status: 'approved', birthDate: _.gt(youthBornAfter(today)) }),
    count(collections.volunteers, { communityId, status: 'active' }),
    // 注册红十字志愿者: ≥ 20 h of service in the year (the year's honour-board rows carry the hours).
    count(collections.honourTotals, { communityId, key: String(year), hours: _.gte(REGISTERED_VOLUNTEER_YEAR_HOURS) }),
    hoursByMonth(communityId, year),
    count(collections.wishes, { status: _.in([...WISH_STATUSES]), communityId, createdAt: _.gte(from).and(_.lte(to)) }),
    count(collections.wishes, { status: 'completed', communityId, createdAt: _.gte(from).and(_.lte(to)) }),
    count(collections.certificates, { communityId, validUntil: _.gte(today) }),
    count(collections.signups, { communityId, status: _.in(CAME) }),
    count(collections.lessonProgress, { communityId, passedAt: _.gte(from).and(_.lte(to)) }),
    rescueFigures(communityId, from, to),
    aedFigures(community, today),
    db.collection(collections.fundHeads).where({ _id: communityId }).field({ balanceFen: true }).get<{ balanceFen: number }>(),
    upcomingActivities(communityId, now),
  ])
  const hours = Math.round(months.reduce((sum, h) => sum + h, 0) * 10) / 10
  const figures: Figures = { members, youthMembers, volunteers, registeredVolunteers, hours, wishesPosted, wishesCompleted, rescuers, reached, lessonsPassed, ...rescue, ...aeds, fundBalanceFen: head.data[0]?.balanceFen ?? 0 }
  return { figures, hoursByMonth: months, nextActivities }
}

/**
 * Most database requests of one community's recompute while its ledger of the year fits a page:
 * thirteen counts and reads side by side, the ledger page, and the update of its document (15), or
 * when the update changed nothing (a first run: the document is created, then updated) two more.
 */
export const REQUESTS_PER_COMMUNITY = 17

/** Recomputes and stores one community's figures of the year (idempotent: a rerun writes the same). */
export async function recompute(community: Pick<Community, '_id' | 'name' | 'district'>, year: number, now = new Date()): Promise<void> {
  const { figures, hoursByMonth: months, nextActivities } = await figuresOf(community, year, now)
  await updateStats(community, year, {
    communityName: community.name,
    district: community.district,
    figures: _.set(figures),
    hoursByMonth: _.set(months),
    nextActivities: _.set(nextActivities),
    computedAt: db.serverDate(),
    wanted: false,
  })
}
