import type { Community } from '@/domain/community/types'
import { AppError } from '@/domain/errors'
import { _, collections, db } from './cloud'

/** The community, or null (a read that never fails on a missing one: for a preload). */
export async function findCommunity(communityId: string): Promise<Community | null> {
  const { data } = await db.collection(collections.communities).where({ _id: communityId }).get<Community>()
  return data[0] ?? null
}

/** The community, or INVALID_INPUT on the `communityId` field when there is none. */
export async function requireCommunity(communityId: string): Promise<Community> {
  const found = await findCommunity(communityId)
  if (!found) throw new AppError('INVALID_INPUT', '请选择所在社区', { communityId: '请选择所在社区' })
  return found
}

/** id → name for the given communities (for views that show where someone belongs). */
export async function communityNames(ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  const { data } = await db.collection(collections.communities).where({ _id: _.in(unique) }).field({ name: true }).get<Community>()
  return new Map(data.map((c) => [c._id, c.name]))
}

/** One setting of a community (社区设置), or `fallback`, the project's default, where it set none. */
export async function settingOf<K extends keyof Community>(communityId: string, key: K, fallback: NonNullable<Community[K]>): Promise<NonNullable<Community[K]>> {
  const { data } = await db.collection(collections.communities).where({ _id: communityId }).field({ [key]: true }).get<Community>()
  return data[0]?.[key] ?? fallback
}
