import type { Query } from './database-types'

/**
 * One page of a sorted query and whether another follows: a single read of `pageSize + 1`
 * documents (the extra one only says there is more), never a count, so a page costs the same
 * whatever the size of the collection (issue 25).
 */
export async function readPage<D>(query: Query, page: number, pageSize: number): Promise<{ docs: D[]; hasMore: boolean }> {
  const { data } = await query.skip((page - 1) * pageSize).limit(pageSize + 1).get<D>()
  return { docs: data.slice(0, pageSize), hasMore: data.length > pageSize }
}
