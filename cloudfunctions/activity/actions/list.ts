import { activityInputs } from '@/domain/activity/contract'
import { todayInChina } from '@/domain/dates'
import { _ } from '../../_kit/cloud'
import { chinaDayEnd, chinaDayStart } from '../../_kit/dates'
import { action } from '../../_kit/define-function'
import { activities, positionOf, viewsFor, type ActivityDoc } from '../activities'
import { readPage } from '../../_kit/pages'

/** A keyword search reads at most this many activities of the date range (one get), then filters. */
const KEYWORD_SCAN = 1000

/**
 * Activities by start time (from today by default), optionally of one community and type, each
 * with the caller's sign-up and, when they sent a position, the distance. Every query is served
 * by an `activities` index; a keyword filters the date range's activities in the function.
 */
export const list = action({
  input: activityInputs.list,
  audience: 'anyone',
  async handler({ communityId, type, from, to, keyword, page, pageSize, ...rest }, ctx) {
    const start = chinaDayStart(from ?? todayInChina())
    const range = to ? _.gte(start).and(_.lt(chinaDayEnd(to))) : _.gte(start)
    const criteria = { ...(communityId ? { communityId } : {}), ...(type ? { type } : {}), startAt: range }
    let docs: ActivityDoc[]
    let hasMore: boolean
    if (keyword) {
      const { data } = await activities().where(criteria).orderBy('startAt', 'asc').limit(KEYWORD_SCAN).get<ActivityDoc>()
      const matching = data.filter((d) => `${d.title}${d.description}${d.location.address}`.includes(keyword))
      hasMore = matching.length > page * pageSize
      docs = matching.slice((page - 1) * pageSize, page * pageSize)
    } else {
      ;({ docs, hasMore } = await readPage<ActivityDoc>(activities().where(criteria).orderBy('startAt', 'asc'), page, pageSize))
    }
    const items = await viewsFor(docs, ctx.openid, await ctx.user(), positionOf(rest))
    return { items, hasMore, page, pageSize }
  },
})
