import { importInputs } from '@/domain/import/contract'
import { _ } from '../../_kit/cloud'
import { communityNames } from '../../_kit/communities'
import { action } from '../../_kit/define-function'
import { imports, toSummary, type ImportDoc } from '../imports'
import { readPage } from '../../_kit/pages'

/** The imports of the caller's communities, newest first: what came in, and what may still be undone. */
export const list = action({
  input: importInputs.list,
  audience: ['staff'],
  async handler({ communityId, page, pageSize }, ctx) {
    const criteria = { communityId: _.in(await ctx.staffScope(communityId)) }
    const { docs: data, hasMore } = await readPage<ImportDoc>(imports().where(criteria).orderBy('createdAt', 'desc'), page, pageSize)
    const names = await communityNames(data.map((d) => d.communityId))
    return { items: data.map((d) => toSummary(d, names.get(d.communityId) ?? '')), hasMore, page, pageSize }
  },
  audit: 'read',
})
