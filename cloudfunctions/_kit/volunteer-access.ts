import type { Community } from '@/domain/community/types'
import { ACCESS_MESSAGES, mayActIn, type Standing } from '@/domain/volunteer/access'
import { AppError } from '@/domain/errors'
import { collections, db } from './cloud'

/** What the age rules read: the birth year, and the birth date when the ID number gave one. */
type AgeFacts = { birthYear?: number; birthDate?: string | null }

/** FORBIDDEN unless this standing lets its volunteer act in the community (src/domain/volunteer/access). */
export function requireStandingIn<S extends Standing>(standing: S | null, community: Community): S {
  const verdict = mayActIn(standing, community)
  if (verdict !== 'yes' || !standing) throw new AppError('FORBIDDEN', ACCESS_MESSAGES[verdict === 'yes' ? 'not_volunteer' : verdict](community.name))
  return standing
}

/** A person's volunteer standing (with the facts the age rules read), or null for someone who never registered. */
export async function standingOf(openid: string): Promise<(Standing & AgeFacts) | null> {
  const { data } = await db.collection(collections.volunteers).where({ openid }).limit(1).get<Standing & AgeFacts>()
  return data[0] ?? null
}
