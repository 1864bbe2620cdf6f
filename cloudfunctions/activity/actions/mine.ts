import { activityInputs } from '@/domain/activity/contract'
import { _ } from '../../_kit/cloud'
import { action } from '../../_kit/define-function'
import { activities, signups, viewsFor, type ActivityDoc, type SignupDoc } from '../activities'
import { readPage } from '../../_kit/pages'

/** The caller's sign-ups: upcoming (not over yet, soonest first) or past (latest first). */
export const mine = action({
  input: activityInputs.mine,
  audience: 'anyone',
  async handler({ when, page, pageSize }, ctx) {
    const now = new Date()
    const criteria = { openid: ctx.openid, endAt: when === 'upcoming' ? _.gte(now) : _.lt(now) }
    const { docs: data, hasMore } = await readPage<SignupDoc>(signups().where(criteria).orderBy('endAt', when === 'upcoming' ? 'asc' : 'desc'), page, pageSize)
    const ids = data.map((s) => s.activityId)
    const { data: docs } = ids.length ? await activities().where({ _id: _.in(ids) }).get<ActivityDoc>() : { data: [] as ActivityDoc[] }
    const byId = new Map(docs.map((d) => [d._id, d]))
    const ordered = ids.map((id) => byId.get(id)).filter((d): d is ActivityDoc => !!d)
    return { items: await viewsFor(ordered, ctx.openid, await ctx.user()), hasMore, page, pageSize }
  },
})
