import { userInputs, type Me } from '@/domain/user/contract'
import { action } from '../../_kit/define-function'
import { toMe } from '../me-view'

export const me = action({
  input: userInputs.me,
  audience: 'anyone',
  async handler(_input, ctx): Promise<Me> {
    return toMe(await ctx.user())
  },
})
