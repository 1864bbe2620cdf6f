import type { DocumentStore } from '../store/document-store'
import { LESSON_LIBRARY } from '../../cloudfunctions/lesson/library'
import { demoAeds } from './demo-aeds'
import { DEMO_COMMUNITIES, DEMO_USERS, DEMO_VOLUNTEERS, demoMembership, demoTrainings, demoWishes } from './demo-data'

/** Writes the demo data into an empty store; returns whether it did. */
export function seedIfEmpty(store: DocumentStore): boolean {
  if (!store.isEmpty()) return false
  const now = new Date()
  store.insert('communities', DEMO_COMMUNITIES.map((community) => ({ ...community, createdAt: now })))
  store.insert(
    'users',
    DEMO_USERS.map((user) => ({
      _id: user._id,
      displayName: user.displayName,
      roles: user.roles,
      homeCommunityId: user.homeCommunityId,
      staffCommunityIds: user.staffCommunityIds,
      createdAt: now,
    })),
  )
  store.insert('volunteers', DEMO_VOLUNTEERS.map((volunteer) => ({ ...volunteer, registeredAt: now })))
  const membership = demoMembership(now)
  store.insert('applications', [membership.application])
  store.insert('counters', [membership.counter])
  store.insert('wishes', demoWishes(now))
  store.insert('aeds', demoAeds(now))
  store.insert('lessons', LESSON_LIBRARY)
  store.insert('trainings', demoTrainings(now))
  return true
}

export function reseed(store: DocumentStore): void {
  store.clear()
  seedIfEmpty(store)
}
