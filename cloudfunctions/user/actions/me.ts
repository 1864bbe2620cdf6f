import { effectiveRoles } from '@/domain/roles'
import { userInputs, type Me } from '@/domain/user/contract'
import { communityNames } from '../../_kit/communities'
import { toIso } from '../../_kit/dates'
import { action } from '../../_kit/define-function'
import { uploadFolderOf } from '../../_kit/uploads'

export const me = action({
  input: userInputs.me,
  audience: 'anyone',
  async handler(_input, ctx): Promise<Me> {
    const user = await ctx.user()
    const ids = [...new Set([user.homeCommunityId, ...user.staffCommunityIds].filter((id): id is string => !!id))]
    const names = await communityNames(ids)
    const communities = ids.filter((id) => names.has(id)).map((id) => ({ _id: id, name: names.get(id) as string }))
    return {
      userId: user._id,
      displayName: user.displayName,
      roles: effectiveRoles(user.roles),
      communities,
      staffCommunityIds: user.staffCommunityIds,
      createdAt: toIso(user.createdAt),
      uploadFolder: uploadFolderOf(user._id),
    }
  },
})
