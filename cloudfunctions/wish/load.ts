import { AppError } from '@/domain/errors'
import type { UserDoc } from '@/domain/user/types'
import type { WishDetail } from '@/domain/wish/contract'
import { communityNames } from '../_kit/communities'
import { findWish, toDetail, type WishDoc } from './wishes'

export async function requireWish(wishId: string): Promise<WishDoc> {
  const wish = await findWish(wishId)
  if (!wish) throw new AppError('NOT_FOUND', '没有找到这个心愿，可能已被删除')
  return wish
}

/** The detail the caller may see, with the community's name. */
export async function detailFor(wish: WishDoc, user: UserDoc): Promise<WishDetail> {
  const names = await communityNames([wish.communityId])
  return toDetail(wish, names.get(wish.communityId) ?? '', user)
}
