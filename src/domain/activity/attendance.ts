import type { ActivityStatus } from './rules'

const MINUTE = 60_000

/** Check-in opens this long before the start (people arrive early to set up). */
export const CHECK_IN_OPENS_BEFORE_MS = 30 * MINUTE
/** Check-out stays open this long after the end (a late finish, a forgotten tap). */
export const CHECK_OUT_CLOSES_AFTER_MS = 120 * MINUTE
/** A 补签 may be asked for until this long after the end. */
export const MAKEUP_WINDOW_MS = 7 * 24 * 60 * MINUTE

type Span = { startAt: Date; endAt: Date }

export function checkInOpensAt(a: Span): Date {
  return new Date(a.startAt.getTime() - CHECK_IN_OPENS_BEFORE_MS)
}

export function checkOutClosesAt(a: Span): Date {
  return new Date(a.endAt.getTime() + CHECK_OUT_CLOSES_AFTER_MS)
}

/** Why check-in is not possible now, or null: from 30 min before the start until the end. */
export function checkInRefusal(a: Span, now: Date): string | null {
  if (now < checkInOpensAt(a)) return '活动开始前30分钟才能签到'
  if (now > a.endAt) return '活动已结束，不能再签到了；如确实参加了，请申请补签'
  return null
}

/** Why check-out is not possible now, or null: until 2 h after the end. */
export function checkOutRefusal(a: Span, now: Date): string | null {
  if (now > checkOutClosesAt(a)) return '签退时间已过（活动结束后2小时内），请申请补签'
  return null
}

/** The share of the activity the attended time covers: overlap(in..out, start..end) / (end − start). */
export function coverage(a: Span, checkedInAt: Date, checkedOutAt: Date): number {
  const length = a.endAt.getTime() - a.startAt.getTime()
  if (length <= 0) return 0
  const overlap = Math.min(checkedOutAt.getTime(), a.endAt.getTime()) - Math.max(checkedInAt.getTime(), a.startAt.getTime())
  return Math.max(0, Math.min(1, overlap / length))
}

/**
 * Hours actually served (民政部令第67号《志愿服务记录与证明出具办法（试行）》2020: records 真实、准确;
 * 《志愿服务条例》2017 第十九条): the attended overlap with the activity, capped at its planned hours and
 * rounded down to the half hour; nothing below the minimum presence (default 60%).
 */
export function servedHours(a: Span & { hours: number; minCoverage: number }, checkedInAt: Date, checkedOutAt: Date): number {
  const covered = coverage(a, checkedInAt, checkedOutAt)
  // A tolerance of a millisecond's share: 60% worked out from timestamps must count as 60%.
  if (covered + 1e-9 < a.minCoverage) return 0
  // Counted in started minutes, as people give times (a 补签 says 11:00, not 11:00:37).
  const overlapMinutes = Math.ceil((covered * (a.endAt.getTime() - a.startAt.getTime())) / 60_000)
  return Math.floor((Math.min(a.hours * 60, overlapMinutes) / 60) * 2) / 2
}

/** What the activity is now: cancelled stays cancelled; past the end it is over. */
export function activityStatus(stored: 'open' | 'cancelled', endAt: Date, now: Date): ActivityStatus {
  if (stored === 'cancelled') return 'cancelled'
  return now > endAt ? 'ended' : 'open'
}
