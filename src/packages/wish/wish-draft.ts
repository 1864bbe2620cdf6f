import Taro from '@tarojs/taro'
import type { WishCategory } from '@/domain/wish/rules'

/** What 我要许愿 holds while it is being written; kept on the device if the page is left. */
export type WishDraft = {
  title: string
  content: string
  category?: WishCategory
  communityId?: string
  contactPhone: string
  dueDate: string
  /** Uploaded photos (cloud file IDs). */
  images: string[]
}

const KEY = 'boai.wishDraft'
const PHONE_KEY = 'boai.contactPhone'

export function loadDraft(): WishDraft {
  const saved = Taro.getStorageSync(KEY) as Partial<WishDraft> | ''
  return { title: '', content: '', dueDate: '', images: [], contactPhone: (Taro.getStorageSync(PHONE_KEY) as string) || '', ...(saved || {}) }
}

export function saveDraft(draft: WishDraft): void {
  Taro.setStorageSync(KEY, draft)
}

/** After posting: the draft is gone, the phone is remembered for next time. */
export function clearDraft(contactPhone: string): void {
  Taro.removeStorageSync(KEY)
  Taro.setStorageSync(PHONE_KEY, contactPhone)
}

/** The draft in the shape of `wish.create`'s input (an unset date is left out). */
export function toWishInput(draft: WishDraft) {
  const { dueDate, ...rest } = draft
  return dueDate ? { ...rest, dueDate } : rest
}
