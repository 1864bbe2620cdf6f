import { statsInputs } from '@/domain/stats/contract'
import { action } from '../../_kit/define-function'
import { districtOf, districtStats } from '../district'

/** The district's communities side by side: public figures only (counts and totals, never a person). */
export const district = action({
  input: statsInputs.district,
  audience: 'anyone',
  async handler({ year, district: asked }, ctx) {
    return districtStats(await districtOf(asked, ctx.user), year)
  },
})
