/**
 * The life of a 红心愿 (DESIGN.md §3 Wishes): one table of every allowed transition and who may
 * make it. Both the cloud function (to decide) and the app (to offer buttons) read it.
 */
export const WISH_STATUSES = ['pending_review', 'open', 'claimed', 'fulfilled', 'completed', 'rejected', 'removed', 'cancelled', 'expired'] as const
export type WishStatus = (typeof WISH_STATUSES)[number]

export const WISH_STATUS_LABELS: Record<WishStatus, string> = {
  pending_review: '待审核',
  open: '待认领',
  claimed: '已认领',
  fulfilled: '待确认',
  completed: '已完成',
  rejected: '未通过',
  removed: '已下架',
  cancelled: '已取消',
  expired: '已过期',
}

export const WISH_STATUS_TONES: Record<WishStatus, 'warning' | 'primary' | 'success' | 'danger' | 'default'> = {
  pending_review: 'warning',
  open: 'primary',
  claimed: 'warning',
  fulfilled: 'warning',
  completed: 'success',
  rejected: 'danger',
  removed: 'default',
  cancelled: 'default',
  expired: 'default',
}

/** Who someone is to a wish. `system` is the timer that releases overdue claims. */
export type WishActor = 'owner' | 'claimer' | 'volunteer' | 'staff' | 'system'

export const WISH_ACTIONS = ['approve', 'reject', 'takeDown', 'claim', 'release', 'autoRelease', 'fulfil', 'confirm', 'reopen', 'cancel', 'expire'] as const
export type WishAction = (typeof WISH_ACTIONS)[number]

type Transition = { from: readonly WishStatus[]; to: WishStatus; by: readonly WishActor[]; label: string }

export const WISH_TRANSITIONS: Record<WishAction, Transition> = {
  approve: { from: ['pending_review'], to: 'open', by: ['staff'], label: '审核通过' },
  reject: { from: ['pending_review'], to: 'rejected', by: ['staff'], label: '审核未通过' },
  takeDown: { from: ['open'], to: 'removed', by: ['staff'], label: '被工作人员下架' },
  claim: { from: ['open'], to: 'claimed', by: ['volunteer'], label: '志愿者认领' },
  release: { from: ['claimed'], to: 'open', by: ['claimer'], label: '志愿者放弃认领' },
  autoRelease: { from: ['claimed'], to: 'open', by: ['system'], label: '认领超时，重新开放' },
  fulfil: { from: ['claimed'], to: 'fulfilled', by: ['claimer'], label: '志愿者已完成' },
  confirm: { from: ['fulfilled'], to: 'completed', by: ['owner'], label: '心愿主人确认完成' },
  // 未完成: the owner says the work is not done; the same volunteer carries on.
  reopen: { from: ['fulfilled'], to: 'claimed', by: ['owner'], label: '心愿主人反馈未完成' },
  cancel: { from: ['pending_review', 'open', 'claimed'], to: 'cancelled', by: ['owner'], label: '心愿主人取消' },
  expire: { from: ['open'], to: 'expired', by: ['system'], label: '心愿日期已过' },
}

/** The status after `action`, or null when `actors` may not do it from `status`. */
export function nextStatus(status: WishStatus, action: WishAction, actors: readonly WishActor[]): WishStatus | null {
  const transition = WISH_TRANSITIONS[action]
  if (!transition.from.includes(status)) return null
  return transition.by.some((actor) => actors.includes(actor)) ? transition.to : null
}

/** What these actors can do with a wish in this status (the buttons the app shows). */
export function availableActions(status: WishStatus, actors: readonly WishActor[]): WishAction[] {
  return WISH_ACTIONS.filter((action) => nextStatus(status, action, actors) !== null)
}

/** Its owner may still change a wish nobody has taken on yet. */
export const EDITABLE_STATUSES: readonly WishStatus[] = ['pending_review', 'open']
export const canEdit = (status: WishStatus, actors: readonly WishActor[]) => actors.includes('owner') && EDITABLE_STATUSES.includes(status)

/** The wall's tabs: 进行中 is everything a volunteer has taken on, waiting for its owner too. */
export const WALL_TABS = { open: ['open'], in_progress: ['claimed', 'fulfilled'], completed: ['completed'] } as const satisfies Record<string, readonly WishStatus[]>
export type WallTab = keyof typeof WALL_TABS
