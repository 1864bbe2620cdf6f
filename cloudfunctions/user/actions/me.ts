import { userInputs, type MeAtOpen } from '@/domain/user/contract'
import { action } from '../../_kit/define-function'
import { unreadCount } from '../../_kit/unread'
import { toMe } from '../me-view'

/** Who the caller is, with their unread count: opening the app costs one invocation, not two (#25). */
export const me = action({
  input: userInputs.me,
  audience: 'anyone',
  async handler(_input, ctx): Promise<MeAtOpen> {
    const [me, unread] = await Promise.all([ctx.user().then(toMe), unreadCount(ctx.openid)])
    return { ...me, unread }
  },
})
