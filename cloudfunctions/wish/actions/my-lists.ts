import type { Page } from '@/domain/contract'
import type { WishSummary } from '@/domain/wish/contract'
import { wishInputs } from '@/domain/wish/contract'
import { _ } from '../../_kit/cloud'
import { action } from '../../_kit/define-function'
import { toSummary, wishes, type WishDoc } from '../wishes'

async function page(criteria: Record<string, unknown>, pageNo: number, pageSize: number): Promise<Page<WishSummary>> {
  const [{ data }, { total }] = await Promise.all([
    wishes().where(criteria).orderBy('createdAt', 'desc').skip((pageNo - 1) * pageSize).limit(pageSize).get<WishDoc>(),
    wishes().where(criteria).count(),
  ])
  return { items: data.map(toSummary), total, page: pageNo, pageSize }
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
