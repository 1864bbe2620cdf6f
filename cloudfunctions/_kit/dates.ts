import dayjs from 'dayjs'
import { CHINA_OFFSET_MINUTES } from '@/domain/dates'

/** Dates come back from the database as `Date`; responses carry ISO 8601 strings. */
export function toIso(value: Date | string | number): string {
  return new Date(value).toISOString()
}

/** The moment a China date (`YYYY-MM-DD`) begins, for range queries on stored moments. */
export function chinaDayStart(ymd: string): Date {
  return dayjs(`${ymd}T00:00:00.000Z`).subtract(CHINA_OFFSET_MINUTES, 'minute').toDate()
}

/** The moment after a China date ends (the next day's start): ranges are `[start, end)`. */
export function chinaDayEnd(ymd: string): Date {
  return dayjs(chinaDayStart(ymd)).add(1, 'day').toDate()
}
