import type { DocumentStore } from '../store/document-store'
import { ownedId } from '../../cloudfunctions/_kit/ids'
import { LESSON_LIBRARY } from '../../cloudfunctions/lesson/library'
import { demoAedReports, demoAeds } from './demo-aeds'
import { DEMO_PEERS, demoActivityData } from './demo-activities'
import { demoLessonDraft } from './demo-lessons'
import { demoFund } from './demo-fund'
import { demoStats } from './demo-stats'
import { demoRescue } from './demo-rescue'
import { DEMO_COMMUNITIES, DEMO_USERS, DEMO_VOLUNTEERS, demoMembership, demoTrainings, demoWishes } from './demo-data'

/**
 * Writes the demo data into a store just created in a new folder (or in memory); returns whether
 * it did. A folder that has held data is never seeded again, even when its journal is emptied.
 */
export function seedIfEmpty(store: DocumentStore): boolean {
  if (!store.isNew || !store.isEmpty()) return false
  writeDemoData(store)
  return true
}

function writeDemoData(store: DocumentStore): void {
  const now = new Date()
  // Each community lists its admins: the guard that keeps its last one (cloudfunctions/community/grants.ts).
  const adminsOf = (communityId: string) => DEMO_USERS.filter((user) => user.adminCommunityIds?.includes(communityId)).map((user) => user._id)
  store.insert('communities', DEMO_COMMUNITIES.map((community) => ({ ...community, adminOpenids: adminsOf(community._id), createdAt: now })))
  store.insert(
    'users',
    DEMO_USERS.map((user) => ({
      _id: user._id,
      displayName: user.displayName,
      roles: user.roles,
      homeCommunityId: user.homeCommunityId,
      staffCommunityIds: user.staffCommunityIds,
      ...(user.districts ? { districts: user.districts } : {}),
      ...(user.adminCommunityIds ? { adminCommunityIds: user.adminCommunityIds } : {}),
      ...(user.editorCommunityIds ? { editorCommunityIds: user.editorCommunityIds } : {}),
      createdAt: now,
    })),
  )
  const service = demoActivityData(now)
  const peers = DEMO_PEERS.map((peer, i) => ({
    ...DEMO_VOLUNTEERS[0],
    _id: ownedId('vo', peer.openid),
    openid: peer.openid,
    name: peer.name,
    phone: `1385750010${i}`,
    skills: ['陪伴聊天'],
    availability: ['sat-am'],
    intro: '',
  }))
  const noService = { hours: 0, points: 0, periodHours: {}, ledgerApplied: {} }
  store.insert('volunteers', [...DEMO_VOLUNTEERS, ...peers].map((volunteer) => ({ ...volunteer, ...(service.totals.get(volunteer.openid) ?? noService), registeredAt: now })))
  store.insert('activities', service.activities)
  store.insert('activitySignups', service.signups)
  store.insert('hoursLedger', service.ledger)
  store.insert('honourTotals', service.honourTotals)
  const membership = demoMembership(now)
  store.insert('applications', [membership.application])
  store.insert('counters', [membership.counter])
  store.insert('wishes', demoWishes(now))
  store.insert('aeds', demoAeds(now))
  store.insert('aedReports', demoAedReports(now))
  store.insert('lessons', LESSON_LIBRARY)
  store.insert('lessonVersions', [demoLessonDraft(now)])
  store.insert('trainings', demoTrainings(now))
  store.insert('stats', demoStats(now))
  writeDemoFund(store, now)
  const rescue = demoRescue(now)
  store.insert('responders', rescue.responders)
  store.insert('responderPlaces', rescue.places)
  store.insert('certificates', rescue.certificates)
  store.update('communities', { _id: 'dadu' }, { $set: { psychSupportContact: rescue.psychSupportContact } })
}

function writeDemoFund(store: DocumentStore, now: Date): void {
  const fund = demoFund(now)
  store.insert('fundEntries', fund.entries)
  store.insert('fundHeads', fund.heads)
  store.insert('fundStatements', fund.statements)
  store.insert('fundProjects', fund.projects)
  store.insert('fundAid', fund.aid)
}

/**
 * A demo store seeded before the fund existed gets its demo ledgers (and the second staff member
 * who approves large aid) on the next start: only when it holds the demo communities and no
 * ledger at all, so nothing anyone recorded is ever touched. Returns whether it added them.
 */
export function addDemoFund(store: DocumentStore): boolean {
  if (store.isEmpty() || store.count('communities', { _id: 'gangyue' }) === 0 || store.count('fundHeads', {}) > 0 || store.count('fundEntries', {}) > 0) return false
  const now = new Date()
  const second = DEMO_USERS.find((u) => u._id === 'demo-staff-2')
  if (second && store.count('users', { _id: second._id }) === 0) {
    store.insert('users', [{ _id: second._id, displayName: second.displayName, roles: second.roles, homeCommunityId: second.homeCommunityId, staffCommunityIds: second.staffCommunityIds, createdAt: now }])
  }
  writeDemoFund(store, now)
  return true
}

/** `npm run seed -- --reset`: wipes everything and writes the demo data again. */
export function reseed(store: DocumentStore): void {
  store.clear()
  writeDemoData(store)
}
