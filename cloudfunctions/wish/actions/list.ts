import { wishInputs } from '@/domain/wish/contract'
import { WALL_TABS } from '@/domain/wish/states'
import { keywordPattern } from '@/domain/search'
import { _, db } from '../../_kit/cloud'
import { action } from '../../_kit/define-function'
import { PUBLIC_STATUSES, toSummary, wishes, type WishDoc } from '../wishes'

/** The wish wall: public wishes only, open ones first, newest first within a status, optionally those with some words. No phones. */
export const list = action({
  input: wishInputs.list,
  audience: 'anyone',
  async handler({ communityId, status, category, keyword, page, pageSize }) {
    const pattern = keywordPattern(keyword)
    const criteria = {
      status: status === 'in_progress' ? _.in([...WALL_TABS.in_progress]) : (status ?? _.in(PUBLIC_STATUSES)),
      ...(communityId ? { communityId } : {}),
      ...(category ? { category } : {}),
      ...(pattern ? { searchText: db.RegExp({ regexp: pattern, options: 'i' }) } : {}),
    }
    const [{ data }, { total }] = await Promise.all([
      wishes().where(criteria).orderBy('rank', 'asc').orderBy('createdAt', 'desc').skip((page - 1) * pageSize).limit(pageSize).get<WishDoc>(),
      wishes().where(criteria).count(),
    ])
    return { items: data.map(toSummary), total, page, pageSize }
  },
})
