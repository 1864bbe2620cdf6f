import { DEFAULT_INSPECTION_CYCLE, type InspectionCycle } from '@/domain/aed/inspection'
import type { Community } from '@/domain/community/types'
import { _, collections, db } from '../_kit/cloud'

/** The `communities` document with the AED inspection cycle it chose (unset: monthly). */
type CycleDoc = Pick<Community, '_id' | 'name'> & { aedInspectionCycle?: InspectionCycle }

export const communities = () => db.collection(collections.communities)

/** community id → its name and inspection cycle, in one request. */
export async function cyclesOf(communityIds: readonly string[]): Promise<Map<string, { name: string; cycle: InspectionCycle }>> {
  const unique = [...new Set(communityIds)]
  if (unique.length === 0) return new Map()
  const { data } = await communities().where({ _id: _.in(unique) }).field({ name: true, aedInspectionCycle: true }).get<CycleDoc>()
  return new Map(data.map((c) => [c._id, { name: c.name, cycle: c.aedInspectionCycle ?? DEFAULT_INSPECTION_CYCLE }]))
}
