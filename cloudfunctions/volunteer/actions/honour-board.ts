import { volunteerInputs } from '@/domain/volunteer/contract'
import { periodKeys, periodLabel } from '@/domain/volunteer/ledger'
import { _, collections, db } from '../../_kit/cloud'
import { requireCommunity } from '../../_kit/communities'
import { action } from '../../_kit/define-function'

const BOARD_SIZE = 20

type Row = { openid: string; displayName: string; hours: number }

const totals = () => db.collection(collections.honourTotals)

/**
 * 光荣榜: a community's top volunteers by hours this month or this year; masked names only. The
 * caller's own row is marked, and their place is given even below the top 20 (one count of those
 * ahead of them, on the board's index).
 */
export const honourBoard = action({
  input: volunteerInputs.honourBoard,
  audience: 'anyone',
  async handler({ communityId, period }, ctx) {
    const key = periodKeys(new Date())[period]
    const [community, { data }, own] = await Promise.all([
      requireCommunity(communityId),
      totals().where({ communityId, key }).orderBy('hours', 'desc').limit(BOARD_SIZE).get<Row>(),
      totals().where({ _id: `${communityId}:${key}:${ctx.openid}` }).get<Row>(),
    ])
    const items = data.filter((row) => row.hours > 0).map((row, i) => ({ rank: i + 1, displayName: row.displayName, hours: row.hours, me: row.openid === ctx.openid }))
    const mineShown = items.find((row) => row.me)
    const myHours = own.data[0]?.hours ?? 0
    const mine = mineShown
      ? { rank: mineShown.rank, hours: mineShown.hours }
      : myHours > 0
        ? { rank: (await totals().where({ communityId, key, hours: _.gt(myHours) }).count()).total + 1, hours: myHours }
        : null
    return { communityId, communityName: community.name, period, periodLabel: periodLabel(period, key), items, mine }
  },
})
