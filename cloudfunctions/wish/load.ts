import { AppError } from '@/domain/errors'
import { findWish, type WishDoc } from './wishes'

export async function requireWish(wishId: string): Promise<WishDoc> {
  const wish = await findWish(wishId)
  if (!wish) throw new AppError('NOT_FOUND', '没有找到这个心愿，可能已被删除')
  return wish
}
