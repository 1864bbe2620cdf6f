import type { DashboardQueue } from '@/domain/community/contract'
import { _, collections, db } from '../_kit/cloud'
import { PHOTO_PLACES } from '../_kit/photo-places'

type Count = (scope: string[]) => Promise<number>

const countOf = (collection: string, criteria: Parameters<ReturnType<typeof db.collection>['where']>[0]) => db.collection(collection).where(criteria).count().then((r) => r.total)

/**
 * Where each 工作台 queue's waiting items are: one count each, served by the index named beside it
 * (cloudfunctions/database.json). The same criteria as the queue's own page, so the number shown is
 * the number of items the page lists.
 */
export const QUEUE_COUNTS: Record<Exclude<DashboardQueue, 'lessonDrafts'>, Count> = {
  // applications.queue
  applications: (scope) => countOf(collections.applications, { communityId: _.in(scope), status: 'pending' }),
  // volunteers.queue and volunteers.outsider_queue: their own, and outsiders asking to act here.
  volunteers: (scope) => countOf(collections.volunteers, _.or([{ communityId: _.in(scope), status: 'pending' }, { pendingIn: _.in(scope) }])),
  // wishes.review_queue
  wishes: (scope) => countOf(collections.wishes, { status: 'pending_review', communityId: _.in(scope) }),
  // wishes.hours_queue
  wishHours: (scope) => countOf(collections.wishes, { hoursStatus: 'pending', communityId: _.in(scope) }),
  // activitySignups.to_confirm: checked out, not yet confirmed by the organiser.
  rosters: (scope) => countOf(collections.activitySignups, { communityId: _.in(scope), status: 'checked_out', confirmedAt: null }),
  // activitySignups.makeup_queue
  makeups: (scope) => countOf(collections.activitySignups, { communityId: _.in(scope), 'makeup.status': 'pending' }),
  // aedReports.queue
  aedReports: (scope) => countOf(collections.aedReports, { communityId: _.in(scope), status: 'open' }),
  // aeds.community_list: residents' suggestions not yet verified.
  aedSuggestions: (scope) => countOf(collections.aeds, { communityId: _.in(scope), verified: false }),
  // Each photo place's photo_review index: one count per place, in parallel.
  photos: async (scope) => {
    const counts = await Promise.all(PHOTO_PLACES.map((place) => countOf(place.collection, { [`${place.path}.status`]: 'review', [place.communityField]: _.in(scope) })))
    return counts.reduce((sum, n) => sum + n, 0)
  },
  // certificateRequests.queue
  certificates: (scope) => countOf(collections.certificateRequests, { status: 'pending', communityId: _.in(scope) }),
  // fundAid.queue: waiting for a decision or for the payment.
  aid: (scope) => countOf(collections.fundAid, { communityId: _.in(scope), status: _.in(['pending', 'approved']) }),
}

/** lessonVersions.pending: drafts of the shared library waiting for a second editor. */
export const countLessonDrafts = () => countOf(collections.lessonVersions, { status: 'pending' })
