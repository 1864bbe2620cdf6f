import { effectiveRoles } from '@/domain/roles'
import type { Me } from '@/domain/user/contract'
import type { UserDoc } from '@/domain/user/types'
import { communityNames } from '../_kit/communities'
import { toIso } from '../_kit/dates'
import { isPending, shownPhotoUrls } from '../_kit/photo-checks'
import { uploadFolderOf } from '../_kit/uploads'

/** A user record as its owner sees it on 我的. */
export async function toMe(user: UserDoc): Promise<Me> {
  const ids = [...new Set([user.homeCommunityId, ...user.staffCommunityIds].filter((id): id is string => !!id))]
  const [names, [avatarUrl]] = await Promise.all([communityNames(ids), shownPhotoUrls([user.photo ?? null])])
  const communities = ids.filter((id) => names.has(id)).map((id) => ({ _id: id, name: names.get(id) as string }))
  return {
    userId: user._id,
    displayName: user.displayName,
    roles: effectiveRoles(user.roles),
    communities,
    staffCommunityIds: user.staffCommunityIds,
    createdAt: toIso(user.createdAt),
    homeCommunityId: user.homeCommunityId,
    avatarUrl,
    avatarChecking: isPending(user.photo),
    uploadFolder: uploadFolderOf(user._id),
  }
}
