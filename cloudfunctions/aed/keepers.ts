import { AppError } from '@/domain/errors'
import type { UserDoc } from '@/domain/user/types'
import type { ActionContext } from '../_kit/define-function'
import type { AedDoc } from './aeds'
import { looksAfter } from './detail'

/** FORBIDDEN unless the caller looks after this AED. */
export async function requireKeeper(aed: AedDoc, ctx: ActionContext): Promise<UserDoc> {
  const user = await ctx.user()
  if (!looksAfter(aed, user)) throw new AppError('FORBIDDEN', '只有本社区工作人员或设备负责人可以操作')
  return user
}
