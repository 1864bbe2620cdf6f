import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

/** China Standard Time (UTC+8): cloud functions run in UTC, people live here. */
export const CHINA_OFFSET_MINUTES = 8 * 60

/** Today's date in China, `YYYY-MM-DD`. */
export function todayInChina(now: Date = new Date()): string {
  return dayjs(now).utcOffset(CHINA_OFFSET_MINUTES).format('YYYY-MM-DD')
}

/** A moment shown to people: `2026-11-23 14:05` in China time. */
export function formatChinaTime(value: Date | string): string {
  return dayjs(value).utcOffset(CHINA_OFFSET_MINUTES).format('YYYY-MM-DD HH:mm')
}

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/
