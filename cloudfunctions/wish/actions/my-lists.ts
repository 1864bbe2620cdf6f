import type { Page } from '@/domain/contract'
import type { WishSummary } from '@/domain/wish/contract'
import { wishInputs } from '@/domain/wish/contract'
import { _ } from '../../_kit/cloud'
import { action } from '../../_kit/define-function'
import { toSummary, wishes, type WishDoc } from '../wishes'
import { readPage } from '../../_kit/pages'

async function page(criteria: Record<string, unknown>, pageNo: number, pageSize: number): Promise<Page<WishSummary>> {
  const { docs, hasMore } = await readPage<WishDoc>(wishes().where(criteria).orderBy('createdAt', 'desc'), pageNo, pageSize)
  return { items: docs.map(toSummary), hasMore, page: pageNo, pageSize }
}

/** 我的心愿: every wish the caller posted, whatever its status. */
export const mine = action({
  input: wishInputs.mine,
  audience: 'anyone',
  handler: ({ page: pageNo, pageSize }, { openid }) => page({ ownerOpenid: openid }, pageNo, pageSize),
})

/** 我认领的: the wishes a volunteer holds or has fulfilled. */
export const claimed = action({
  input: wishInputs.claimed,
  audience: ['volunteer'],
  handler: ({ page: pageNo, pageSize }, { openid }) => page({ claimerOpenid: openid, status: _.in(['claimed', 'fulfilled', 'completed']) }, pageNo, pageSize),
})
