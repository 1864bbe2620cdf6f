import { AppError } from '@/domain/errors'
import type { UserDoc } from '@/domain/user/types'
import type { ActionContext } from '../_kit/define-function'
import type { AedDoc } from './aeds'

/** Staff of the AED's community, or its guardian (负责人): the people who look after it. */
export async function requireKeeper(aed: AedDoc, ctx: ActionContext): Promise<UserDoc> {
  const user = await ctx.user()
  const staff = user.roles.includes('staff') && user.staffCommunityIds.includes(aed.communityId)
  if (!staff && aed.guardianOpenid !== user._id) throw new AppError('FORBIDDEN', '只有本社区工作人员或设备负责人可以操作')
  return user
}
