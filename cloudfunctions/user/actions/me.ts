import type { Community, CommunityRef } from '@/domain/community/types'
import { effectiveRoles } from '@/domain/roles'
import { userInputs, type Me } from '@/domain/user/contract'
import { action } from '../../_kit/define-function'
import { _, collections, db } from '../../_kit/cloud'
import { toIso } from '../../_kit/dates'

export const me = action({
  input: userInputs.me,
  audience: 'anyone',
  async handler(_input, ctx): Promise<Me> {
    const user = await ctx.user()
    const ids = [...new Set([user.homeCommunityId, ...user.staffCommunityIds].filter((id): id is string => !!id))]
    const communities: CommunityRef[] = ids.length
      ? ((await db.collection(collections.communities).where({ _id: _.in(ids) }).field({ name: true }).get()).data as Community[])
          .map(({ _id, name }) => ({ _id, name }))
          .sort((a, b) => ids.indexOf(a._id) - ids.indexOf(b._id))
      : []
    return {
      userId: user._id,
      displayName: user.displayName,
      roles: effectiveRoles(user.roles),
      communities,
      staffCommunityIds: user.staffCommunityIds,
      createdAt: toIso(user.createdAt),
    }
  },
})
