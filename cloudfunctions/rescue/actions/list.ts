import { rescueInputs } from '@/domain/rescue/contract'
import { _ } from '../../_kit/cloud'
import { action } from '../../_kit/define-function'
import { alerts, recipients, type AlertDoc, type RecipientDoc } from '../store'
import { figuresOf } from '../view'
import { readPage } from '../../_kit/pages'

type Accepted = Pick<RecipientDoc, 'alertId' | 'role' | 'answeredAt' | 'arrivedAt'>

/** Staff: their communities' alerts, newest first, as anonymous figures (never who or where). */
export const list = action({
  input: rescueInputs.list,
  audience: ['staff'],
  async handler({ communityId, page, pageSize }, ctx) {
    const scope = await ctx.staffScope(communityId)
    const where = { communityId: _.in(scope) }
    const { docs: data, hasMore } = await readPage<AlertDoc>(alerts().where(where).orderBy('raisedAt', 'desc'), page, pageSize)
    const ids = data.map((a) => a._id)
    const { data: accepted } = ids.length
      ? await recipients().where({ alertId: _.in(ids), answer: 'accepted' }).field({ alertId: true, role: true, answeredAt: true, arrivedAt: true }).limit(1000).get<Accepted>()
      : { data: [] as Accepted[] }
    return { items: data.map((a) => figuresOf(a, accepted.filter((r) => r.alertId === a._id))), hasMore, page, pageSize }
  },
  audit: 'read',
})
