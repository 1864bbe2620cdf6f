import cloud from 'wx-server-sdk'
import type { Database } from './database-types'

// The function talks to the environment it is deployed in (a symbol the typings call a string).
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })

export { cloud }
export const db = cloud.database() as unknown as Database
export const _ = db.command

/** CloudBase refuses a second document with the same `_id` (or unique key) with MongoDB's E11000 duplicate key error. */
export const isDuplicateKey = (error: unknown): boolean => error instanceof Error && /duplicate/i.test(error.message)

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
