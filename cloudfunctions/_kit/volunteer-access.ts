import { ACCESS_MESSAGES, mayActIn, type Standing } from '@/domain/volunteer/access'
import { AppError } from '@/domain/errors'
import { collections, db } from './cloud'
import { requireCommunity } from './communities'

/** What the age rules read: the birth year, and the birth date when the ID number gave one. */
type AgeFacts = { birthYear?: number; birthDate?: string | null }

/**
 * FORBIDDEN unless the caller may act as a volunteer in the community (src/domain/volunteer/access):
 * claiming a wish and signing up for an activity both ask it.
 */
export async function requireVolunteerIn(openid: string, communityId: string): Promise<Standing & AgeFacts> {
  const [{ data }, community] = await Promise.all([
    db.collection(collections.volunteers).where({ openid }).limit(1).get<Standing & AgeFacts>(),
    requireCommunity(communityId),
  ])
  const verdict = mayActIn(data[0] ?? null, community)
  if (verdict !== 'yes' || !data[0]) throw new AppError('FORBIDDEN', ACCESS_MESSAGES[verdict === 'yes' ? 'not_volunteer' : verdict](community.name))
  return data[0]
}
