import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import { CHINA_OFFSET_MINUTES } from '../dates'

dayjs.extend(utc)

export const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number]
export const WEEKDAY_LABELS: Record<WeekdayKey, string> = { mon: '周一', tue: '周二', wed: '周三', thu: '周四', fri: '周五', sat: '周六', sun: '周日' }

/** `HH:mm`, with `24:00` allowed as the end of a day. */
export type TimeRange = [start: string, end: string]

/** When an AED can be reached: always, or by weekday (a day not listed is closed). */
export type OpeningHours = { always: true } | { always: false; weekly: Partial<Record<WeekdayKey, TimeRange[]>> }

/** Whether the AED can be reached at `now` (China time). A range includes its start, not its end. */
export function isOpenAt(hours: OpeningHours, now: Date): boolean {
  if (hours.always) return true
  const local = dayjs(now).utcOffset(CHINA_OFFSET_MINUTES)
  const day = WEEKDAY_KEYS[local.day()]
  const time = local.format('HH:mm')
  return (hours.weekly[day] ?? []).some(([start, end]) => time >= start && time < end)
}

const WEEK: WeekdayKey[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']

/** How the hours read: 24小时开放, or 周一至周五 08:30-17:30; consecutive days alike are grouped. */
export function describeHours(hours: OpeningHours): string {
  if (hours.always) return '24小时开放'
  const text = (day: WeekdayKey) => (hours.weekly[day] ?? []).map(([s, e]) => `${s}-${e}`).join('、')
  const groups: Array<{ from: WeekdayKey; to: WeekdayKey; text: string }> = []
  for (const day of WEEK) {
    const last = groups[groups.length - 1]
    if (last && last.text === text(day)) last.to = day
    else groups.push({ from: day, to: day, text: text(day) })
  }
  const open = groups.filter((g) => g.text)
  if (open.length === 0) return '暂不开放'
  const days = (g: { from: WeekdayKey; to: WeekdayKey }) => (g.from === g.to ? WEEKDAY_LABELS[g.from] : `${WEEKDAY_LABELS[g.from]}至${WEEKDAY_LABELS[g.to]}`)
  return open.map((g) => `${days(g)} ${g.text}`).join('；')
}

/** The patterns the staff form offers: around the clock, or one time range every day or Monday to Friday. */
export type SimpleHours = { mode: 'always' } | { mode: 'daily' | 'weekdays'; opens: string; closes: string }

const SIMPLE_DAYS: Record<'daily' | 'weekdays', WeekdayKey[]> = { daily: WEEK, weekdays: WEEK.slice(0, 5) }

export function fromSimpleHours(simple: SimpleHours): OpeningHours {
  if (simple.mode === 'always') return { always: true }
  return { always: false, weekly: Object.fromEntries(SIMPLE_DAYS[simple.mode].map((day) => [day, [[simple.opens, simple.closes]]])) }
}

/** Stored hours as one of the form's patterns, or null when they fit none (they are then kept as they are). */
export function toSimpleHours(hours: OpeningHours): SimpleHours | null {
  if (hours.always) return { mode: 'always' }
  const first = hours.weekly.mon
  if (!first || first.length !== 1) return null
  const [opens, closes] = first[0]
  for (const mode of ['daily', 'weekdays'] as const) {
    const simple = { mode, opens, closes }
    if (isDeepEqualHours(fromSimpleHours(simple), hours)) return simple
  }
  return null
}

function isDeepEqualHours(a: OpeningHours, b: OpeningHours): boolean {
  const days = (h: OpeningHours) => (h.always ? 'always' : WEEK.map((day) => JSON.stringify(h.weekly[day] ?? [])).join('|'))
  return days(a) === days(b)
}
