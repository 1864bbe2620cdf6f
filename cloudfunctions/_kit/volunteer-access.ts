import type { Community } from '@/domain/community/types'
import { ACCESS_MESSAGES, mayActIn, type Standing } from '@/domain/volunteer/access'
import { AppError } from '@/domain/errors'
import { collections, db } from './cloud'
import { requireCommunity } from './communities'

/** FORBIDDEN unless this standing lets its volunteer act in the community (src/domain/volunteer/access). */
export function requireStandingIn<S extends Standing>(standing: S | null, community: Community): S {
  const verdict = mayActIn(standing, community)
  if (verdict !== 'yes' || !standing) throw new AppError('FORBIDDEN', ACCESS_MESSAGES[verdict === 'yes' ? 'not_volunteer' : verdict](community.name))
  return standing
}

/**
 * FORBIDDEN unless the caller may act as a volunteer in the community (src/domain/volunteer/access):
 * claiming a wish and signing up for an activity both ask it. Answers the standing and the
 * community (its settings come with it: no second read).
 */
export async function requireVolunteerIn(openid: string, communityId: string): Promise<{ volunteer: Standing & { birthYear?: number }; community: Community }> {
  const [{ data }, community] = await Promise.all([
    db.collection(collections.volunteers).where({ openid }).limit(1).get<Standing & { birthYear?: number }>(),
    requireCommunity(communityId),
  ])
  return { volunteer: requireStandingIn(data[0] ?? null, community), community }
}
