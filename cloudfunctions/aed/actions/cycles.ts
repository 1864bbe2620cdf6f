import { aedInputs } from '@/domain/aed/contract'
import { INSPECTION_CYCLES } from '@/domain/aed/inspection'
import { action } from '../../_kit/define-function'
import { communities, cyclesOf } from '../cycles'
import { changeKey } from '../../_kit/audit'

/** The inspection cycle of each of the caller's communities (monthly unless they chose another). */
export const inspectionCycles = action({
  input: aedInputs.inspectionCycles,
  audience: ['staff'],
  audit: 'read',
  async handler(_input, ctx) {
    const cycles = await cyclesOf(await ctx.staffScope())
    return { items: [...cycles].map(([communityId, { name, cycle }]) => ({ communityId, name, cycle })) }
  },
})

/** Staff of a community set how often its AEDs are inspected; overdue and reminders follow it at once. */
export const setInspectionCycle = action({
  input: aedInputs.setInspectionCycle,
  audience: ['staff'],
  async handler({ communityId, cycle }, ctx) {
    await ctx.requireStaffOf(communityId)
    await communities().where({ _id: communityId }).update({ data: { aedInspectionCycle: cycle } })
    const stored = (await cyclesOf([communityId])).get(communityId)
    return { communityId, name: stored?.name ?? '', cycle: stored?.cycle ?? cycle }
  },
  audit: (input, out) => ({ communityId: out.communityId, target: out.communityId, summary: `设置 AED 巡检周期：${INSPECTION_CYCLES[out.cycle]}`, key: changeKey(out.communityId, input.cycle) }),
})
