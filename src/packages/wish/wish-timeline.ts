import type { TimelineItem } from '@/components/timeline'
import type { WishDetail } from '@/domain/wish/contract'
import { WISH_TRANSITIONS } from '@/domain/wish/states'

/** Every step of a wish as people read it. */
export function wishTimeline(wish: WishDetail): TimelineItem[] {
  return wish.history.map((entry) => ({
    at: entry.at,
    title: entry.action === 'create' ? (entry.to === 'open' ? '发布心愿' : '发布心愿，等待审核') : entry.action === 'edit' ? '心愿主人修改了心愿' : WISH_TRANSITIONS[entry.action].label,
    by: entry.by,
    note: entry.note,
  }))
}
