import { aedInputs } from '@/domain/aed/contract'
import { AppError } from '@/domain/errors'
import { action } from '../../_kit/define-function'
import { requireAed } from '../aeds'
import { detailFor, looksAfter } from '../detail'

/** One AED in full. A suggestion not yet verified is visible to those who look after it only. */
export const get = action({
  input: aedInputs.get,
  audience: 'anyone',
  async handler({ aedId }, ctx) {
    const aed = await requireAed(aedId)
    const user = await ctx.user()
    if (!aed.verified && !looksAfter(aed, user)) throw new AppError('NOT_FOUND', '没有找到这台AED')
    return detailFor(aed, user)
  },
})
