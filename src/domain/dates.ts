import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

/** China Standard Time (UTC+8): cloud functions run in UTC, people live here. */
export const CHINA_OFFSET_MINUTES = 8 * 60

/** Today's date in China, `YYYY-MM-DD`. */
export function todayInChina(now: Date = new Date()): string {
  return dayjs(now).utcOffset(CHINA_OFFSET_MINUTES).format('YYYY-MM-DD')
}

/**
 * A moment shown to people, in China time whatever the device's time zone: `2026-11-23 14:05` by
 * default, or in another dayjs pattern (`M月D日 HH:mm`). The one formatter of displayed times.
 */
export function formatChinaTime(value: Date | string, pattern = 'YYYY-MM-DD HH:mm'): string {
  return dayjs(value).utcOffset(CHINA_OFFSET_MINUTES).format(pattern)
}

/** The day of a moment in China, `YYYY-MM-DD`. */
export const formatChinaDate = (value: Date | string) => formatChinaTime(value, 'YYYY-MM-DD')

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/
