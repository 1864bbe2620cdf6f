import cloud from 'wx-server-sdk'
import type { Database } from './database-types'

// The function talks to the environment it is deployed in (a symbol the typings call a string).
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })

export { cloud }
export const db = cloud.database() as unknown as Database
export const _ = db.command

/** CloudBase refuses a second document with the same `_id` (or unique key) with MongoDB's E11000 duplicate key error. */
export const isDuplicateKey = (error: unknown): boolean => error instanceof Error && /duplicate/i.test(error.message)

/**
 * Applies `change` to the document `_id` of `collection`, creating it as `fresh` when there is none
 * (one request the usual way, two the first time). When another call creates it in between, the
 * change is applied to theirs, so atomic operators in `change` (`_.inc`) count every call.
 */
export async function updateOrCreate(collection: string, _id: string, change: Record<string, unknown>, fresh: Record<string, unknown>): Promise<void> {
  const docs = db.collection(collection)
  const update = () => docs.where({ _id }).update({ data: change })
  if ((await update()).stats.updated === 1) return
  try {
    await docs.add({ data: { _id, ...fresh } })
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
    await update()
  }
}

/** Collections, named once. */
export const collections = {
  users: 'users',
  communities: 'communities',
  inbox: 'inbox',
  subscriptions: 'subscriptions',
  outbox: 'outbox',
  applications: 'applications',
  volunteers: 'volunteers',
  counters: 'counters',
  wishes: 'wishes',
  aeds: 'aeds',
  aedReports: 'aedReports',
  lessons: 'lessons',
  lessonProgress: 'lessonProgress',
  lessonVersions: 'lessonVersions',
  trainings: 'trainings',
  signups: 'signups',
  certificates: 'certificates',
  activities: 'activities',
  activitySignups: 'activitySignups',
  hoursLedger: 'hoursLedger',
  honourTotals: 'honourTotals',
  serviceCertificates: 'serviceCertificates',
  certificateRequests: 'certificateRequests',
  mediaVerdicts: 'mediaVerdicts',
  fundEntries: 'fundEntries',
  fundHeads: 'fundHeads',
  fundStatements: 'fundStatements',
  fundAid: 'fundAid',
  fundProjects: 'fundProjects',
  fundReceipts: 'fundReceipts',
  auditLog: 'auditLog',
  stats: 'stats',
  imports: 'imports',
  importedPeople: 'importedPeople',
  responders: 'responders',
  responderPlaces: 'responderPlaces',
  rescueAlerts: 'rescueAlerts',
  rescueRecipients: 'rescueRecipients',
  staffInvites: 'staffInvites',
  jobMarks: 'jobMarks',
  beacons: 'beacons',
} as const
