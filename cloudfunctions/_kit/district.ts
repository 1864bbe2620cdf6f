import type { Community } from '@/domain/community/types'
import { AppError } from '@/domain/errors'
import type { UserDoc } from '@/domain/user/types'
import { _, collections, db } from './cloud'

/** The communities of the districts a 区红十字会 user receives the 备案 of. */
export async function districtCommunities(user: UserDoc): Promise<Community[]> {
  const districts = user.roles.includes('district') ? (user.districts ?? []) : []
  if (districts.length === 0) return []
  const { data } = await db.collection(collections.communities).where({ district: _.in(districts) }).get<Community>()
  return data
}

/** Throws FORBIDDEN unless the caller receives the 备案 of that community's district. */
export async function requireDistrictOf(user: UserDoc, communityId: string): Promise<void> {
  if (!(await districtCommunities(user)).some((c) => c._id === communityId)) throw new AppError('FORBIDDEN', '只有本区红十字会的工作人员可以查看')
}
