import { volunteerInputs } from '@/domain/volunteer/contract'
import { periodKeys, periodLabel } from '@/domain/volunteer/ledger'
import { collections, db } from '../../_kit/cloud'
import { requireCommunity } from '../../_kit/communities'
import { action } from '../../_kit/define-function'

const BOARD_SIZE = 20

/** 光荣榜: a community's top volunteers by hours this month or this year; masked names only. */
export const honourBoard = action({
  input: volunteerInputs.honourBoard,
  audience: 'anyone',
  async handler({ communityId, period }) {
    const community = await requireCommunity(communityId)
    const key = periodKeys(new Date())[period]
    const { data } = await db
      .collection(collections.honourTotals)
      .where({ communityId, key })
      .orderBy('hours', 'desc')
      .limit(BOARD_SIZE)
      .get<{ displayName: string; hours: number }>()
    const items = data.filter((row) => row.hours > 0).map((row, i) => ({ rank: i + 1, displayName: row.displayName, hours: row.hours }))
    return { communityId, communityName: community.name, period, periodLabel: periodLabel(period, key), items }
  },
})
