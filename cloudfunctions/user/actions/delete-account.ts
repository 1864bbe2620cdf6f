import { AppError } from '@/domain/errors'
import { userInputs } from '@/domain/user/contract'
import { action } from '../../_kit/define-function'
import { eraseEverywhere } from '../erasure/registry'
import { writeTombstone } from '../erasure/tombstone'

/**
 * 注销账号 (PIPL 第四十七条): everything the app holds of the person is erased, or kept only without
 * who they were where others' records need it (`erasure/registry.ts` lists every collection).
 * 1. The tombstone first: from then on the person's other calls are refused (define-function).
 * 2. Every eraser; 3. all of them again, for what calls running at that moment wrote meanwhile;
 * the scheduler's erasure job sweeps once more when no such call can still be running, then
 * removes the tombstone. Each step finds only what is left, so a retry finishes the rest.
 * Staff and editors hand their role back first: what they did is the organisation's record.
 */
export const deleteAccount = action({
  input: userInputs.deleteAccount,
  audience: 'anyone',
  duringErasure: true,
  async handler(_input, ctx) {
    const user = await ctx.user()
    if (user.roles.includes('staff') || user.roles.includes('editor')) {
      throw new AppError('CONFLICT', '工作人员需先请管理员解除工作人员身份，再注销账号')
    }
    const tombstone = { ...user, erasing: { since: user.erasing?.since ?? new Date(), sweepAfter: new Date() } }
    await writeTombstone(tombstone)
    await eraseEverywhere(ctx.openid)
    await eraseEverywhere(ctx.openid)
    await writeTombstone(tombstone)
    return { deleted: true as const }
  },
})
