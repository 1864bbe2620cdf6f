import { userInputs, type Opening } from '@/domain/user/contract'
import { AppError } from '@/domain/errors'
import { action } from '../../_kit/define-function'
import { unreadCount } from '../../_kit/unread'
import { communityHome } from '../../community/home'
import { subscribeTemplates } from '../../notify/templates'
import { toMe } from '../me-view'

/** A home community removed since the person chose it: the first screen shows no live section rather than fail. */
const goneAsNull = (error: unknown) => {
  if (error instanceof AppError && error.code === 'INVALID_INPUT') return null
  throw error
}

/**
 * The app's one call when it opens (#25): the person, the live section of their community, the
 * unread count and, when the device asks, the subscribe templates. One invocation instead of four,
 * in two round trips: the caller's record, then everything else side by side (at most six requests).
 */
export const open = action({
  input: userInputs.open,
  audience: 'anyone',
  async handler({ templates }, ctx): Promise<Opening> {
    const user = await ctx.user()
    // The community the home page shows: where they live, else the first they work for (as toMe orders them).
    const communityId = user.homeCommunityId ?? user.staffCommunityIds[0] ?? null
    const [me, home, unread, items] = await Promise.all([
      toMe(user),
      communityId ? communityHome(communityId).catch(goneAsNull) : null,
      unreadCount(ctx.openid),
      templates ? subscribeTemplates(ctx.openid) : null,
    ])
    return { me, home, unread, templates: items }
  },
})
