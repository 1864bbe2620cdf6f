import { activityInputs } from '@/domain/activity/contract'
import { action } from '../../_kit/define-function'
import { positionOf, viewFor } from '../activities'

export const get = action({
  input: activityInputs.get,
  audience: 'anyone',
  async handler(input, ctx) {
    return viewFor(input.activityId, ctx.openid, await ctx.user(), positionOf(input))
  },
})
