import { wishInputs } from '@/domain/wish/contract'
import { WALL_TABS } from '@/domain/wish/states'
import { keywordPattern } from '@/domain/search'
import { _, db } from '../../_kit/cloud'
import { action } from '../../_kit/define-function'
import { PUBLIC_STATUSES, toSummary, wishes, type WishDoc } from '../wishes'
import { readPage } from '../../_kit/pages'

/** The wish wall: public wishes only, open ones first, newest first within a status, optionally those with some words. No phones. */
export const list = action({
  input: wishInputs.list,
  audience: 'anyone',
  // The wall is public: its page is read beside the caller's record.
  preload: ({ communityId, status, category, keyword, page, pageSize }) => {
    const pattern = keywordPattern(keyword)
    const criteria = {
      status: status === 'in_progress' ? _.in([...WALL_TABS.in_progress]) : (status ?? _.in(PUBLIC_STATUSES)),
      ...(communityId ? { communityId } : {}),
      ...(category ? { category } : {}),
      ...(pattern ? { searchText: db.RegExp({ regexp: pattern, options: 'i' }) } : {}),
    }
    return readPage<WishDoc>(wishes().where(criteria).orderBy('rank', 'asc').orderBy('createdAt', 'desc'), page, pageSize)
  },
  async handler({ page, pageSize }, _ctx, { docs, hasMore }) {
    return { items: docs.map(toSummary), hasMore, page, pageSize }
  },
})
